package com.collectiondesk.selfservice;

import com.collectiondesk.errors.InputRefused;
import com.collectiondesk.errors.NotFound;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * The payment providers' webhooks. Not behind our authentication (a provider cannot log in): the body must carry the
 * provider's signature ({@code X-Signature: sha256=<HMAC of the raw body>}), else 401 and nothing is read. Event:
 * {@code {"type": "payment.succeeded" | "payment.failed", "reference": "SS-…", "amount": "50.00", "currency": "EUR"}}.
 */
@RestController
class PaymentWebhooks {

    static final String PATH = "/webhooks/self-service/";
    static final String SIGNATURE_HEADER = "X-Signature";

    private final SelfServicePayments payments;
    private final ObjectMapper json;

    PaymentWebhooks(SelfServicePayments payments, ObjectMapper json) {
        this.payments = payments;
        this.json = json;
    }

    @PostMapping(path = PATH + "{provider}", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<?> receive(@PathVariable String provider, @RequestBody byte[] body,
                                                @RequestHeader(name = SIGNATURE_HEADER, required = false) String signature) {
        PaymentProvider known = payments.provider(provider).orElseThrow(() -> new NotFound("No payment provider " + provider));
        if (!known.signed(body, signature)) {
            ProblemDetail refused = ProblemDetail.forStatusAndDetail(HttpStatus.UNAUTHORIZED,
                    "The " + SIGNATURE_HEADER + " header does not sign this body with the provider's secret.");
            refused.setTitle("Signature refused");
            return ResponseEntity.status(HttpStatus.UNAUTHORIZED).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(refused);
        }
        return ResponseEntity.ok(Map.of("outcome", handle(known.name(), body).name()));
    }

    /** A verified event: settles the payment it names. */
    SelfServicePayments.Outcome handle(String provider, byte[] body) {
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
        return payments.settle(provider, text(event, "reference"), type.equals("payment.succeeded"), amount, text(event, "currency"));
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
