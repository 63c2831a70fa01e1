package com.collectiondesk.selfservice;

import java.math.BigDecimal;
import java.util.Optional;

/**
 * A payment provider behind the page: the {@code sandbox} by default, or {@code stripe} (Stripe Checkout through its
 * Java SDK), chosen by {@code collection.self-service.payment-provider}. The page only sends the debtor to the
 * provider's checkout; money is booked when the provider's signed webhook confirms it ({@link PaymentWebhooks}).
 */
interface PaymentProvider {

    /** What a verified webhook says of one payment the page started. */
    record Confirmed(String reference, boolean succeeded, BigDecimal amount, String currency) {
    }

    /** The name {@code collection.self-service.payment-provider} chooses and webhooks arrive under. */
    String name();

    /**
     * Where the debtor pays {@code amount}, in their language; {@code backToken} is the page link to return to.
     *
     * @throws PaymentProviderUnavailable when the provider cannot open a checkout now
     */
    String checkoutUrl(String reference, BigDecimal amount, String currency, String backToken, String language);

    /** The request header the provider signs its webhooks in. */
    String signatureHeader();

    /**
     * The payment outcome a webhook confirms, once its signature holds; empty for an event about something else.
     *
     * @throws WebhookSignatureRefused when {@code signature} is missing or does not sign exactly {@code body}
     */
    Optional<Confirmed> confirmed(byte[] body, String signature);
}
