package com.collectiondesk.selfservice;

import java.math.BigDecimal;
import org.springframework.stereotype.Component;

/**
 * The default provider: no money moves. Its checkout is a page of this service ({@link SandboxCheckoutPage}) where the
 * debtor chooses success or failure; it then signs a webhook with the configured secret exactly as a real
 * provider would and delivers it to the same webhook handling.
 */
@Component
class SandboxPaymentProvider implements PaymentProvider {

    static final String NAME = "sandbox";

    private final SelfServiceSettings settings;

    SandboxPaymentProvider(SelfServiceSettings settings) {
        this.settings = settings;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String checkoutUrl(String reference, BigDecimal amount, String currency, String backToken) {
        // the sandbox's checkout is this service's own page: a path, reached on whatever host the debtor came by
        return SandboxCheckoutPage.PATH + reference + "?back=" + backToken;
    }

    @Override
    public boolean signed(byte[] body, String signature) {
        return WebhookSignatures.verify(body, signature, settings.webhookSecret());
    }

    String sign(byte[] body) {
        return WebhookSignatures.sign(body, settings.webhookSecret());
    }
}
