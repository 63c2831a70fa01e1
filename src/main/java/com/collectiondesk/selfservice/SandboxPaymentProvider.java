package com.collectiondesk.selfservice;

import com.collectiondesk.errors.InputRefused;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The default provider: no money moves. Its checkout is a page of this service ({@link SandboxCheckoutPage}) where the
 * debtor chooses success or failure; it then signs a webhook with the configured secret exactly as a real provider
 * would ({@code X-Signature: sha256=<HMAC of the raw body>}) and delivers it to the same webhook handling. Event:
 * {@code {"type": "payment.succeeded" | "payment.failed", "reference": "SS-…", "amount": "50.00", "currency": "EUR"}}.
 */
@Component
class SandboxPaymentProvider implements PaymentProvider {

    static final String NAME = "sandbox";
    static final String SIGNATURE_HEADER = "X-Signature";

    private final SelfServiceSettings settings;
    private final ObjectMapper json;

    SandboxPaymentProvider(SelfServiceSettings settings, ObjectMapper json) {
        this.settings = settings;
        this.json = json;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String checkoutUrl(String reference, BigDecimal amount, String currency, String backToken, String language) {
        // the sandbox's checkout is this service's own page: a path, reached on whatever host the debtor came by
        return SandboxCheckoutPage.PATH + reference + "?back=" + backToken + "&lang=" + language;
    }

    @Override
    public String signatureHeader() {
        return SIGNATURE_HEADER;
    }

    @Override
    public Optional<Confirmed> confirmed(byte[] body, String signature) {
        if (!WebhookSignatures.verify(body, signature, settings.webhookSecret())) {
            throw new WebhookSignatureRefused("The " + SIGNATURE_HEADER + " header does not sign this body with the provider's secret.");
        }
        JsonNode event = read(body);
        String type = text(event, "type");
        if (!type.equals("payment.succeeded") && !type.equals("payment.failed")) {
            throw new InputRefused("type", "expected payment.succeeded or payment.failed, got " + type);
        }
        BigDecimal amount;
        try {
            amount = new BigDecimal(text(event, "amount"));
        } catch (NumberFormatException e) {
            throw new InputRefused("amount", "not a decimal amount");
        }
        return Optional.of(new Confirmed(text(event, "reference"), type.equals("payment.succeeded"), amount, text(event, "currency")));
    }

    String sign(byte[] body) {
        return WebhookSignatures.sign(body, settings.webhookSecret());
    }

    private JsonNode read(byte[] body) {
        try {
            return json.readTree(body);
        } catch (IOException e) {
            throw new InputRefused("body", "not a JSON payment event");
        }
    }

    private static String text(JsonNode event, String field) {
        JsonNode value = event == null ? null : event.get(field);
        if (value == null || !value.isValueNode() || value.asText().isBlank()) {
            throw new InputRefused(field, "missing from the payment event");
        }
        return value.asText();
    }
}
