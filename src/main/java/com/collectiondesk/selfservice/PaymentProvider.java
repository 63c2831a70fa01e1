package com.collectiondesk.selfservice;

import java.math.BigDecimal;

/**
 * A payment provider behind the page (the {@code sandbox} by default; a real one such as Stripe Checkout plugs in
 * here). The page only sends the debtor to the provider's checkout; money is booked when the provider's signed
 * webhook confirms it ({@link PaymentWebhooks}).
 */
interface PaymentProvider {

    /** The name {@code collection.self-service.payment-provider} chooses and webhooks arrive under. */
    String name();

    /** Where the debtor pays {@code amount}; {@code backToken} is the page link to return to afterwards. */
    String checkoutUrl(String reference, BigDecimal amount, String currency, String backToken);

    /** Whether {@code signature} (the provider's header) signs exactly {@code body}. */
    boolean signed(byte[] body, String signature);
}
