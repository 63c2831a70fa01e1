package com.collectiondesk.selfservice;

import com.collectiondesk.errors.InputRefused;
import com.google.gson.JsonParseException;
import com.stripe.StripeClient;
import com.stripe.exception.EventDataObjectDeserializationException;
import com.stripe.exception.SignatureVerificationException;
import com.stripe.exception.StripeException;
import com.stripe.model.Event;
import com.stripe.model.StripeObject;
import com.stripe.model.checkout.Session;
import com.stripe.net.Webhook;
import com.stripe.param.checkout.SessionCreateParams;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Currency;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * Stripe Checkout through Stripe's Java SDK, when {@code collection.self-service.payment-provider: stripe}. The page's
 * payment becomes a Checkout Session (one line for the ticket, the amount in the currency's minor units, the payment's
 * reference as {@code client_reference_id} and in the metadata, the page link to return to); the debtor pays on
 * Stripe's page. The webhook's {@code Stripe-Signature} is checked by the SDK's {@code Webhook.constructEvent} (HMAC of
 * the raw body under the endpoint's signing secret, timestamp within the tolerance, on the real clock as Stripe signs
 * with it); {@code checkout.session.completed} paid and {@code checkout.session.async_payment_succeeded} book,
 * {@code async_payment_failed} and {@code expired} fail, any other event is acknowledged and ignored.
 */
@Component
@ConditionalOnProperty(prefix = "collection.self-service", name = "payment-provider", havingValue = StripePaymentProvider.NAME)
class StripePaymentProvider implements PaymentProvider {

    static final String NAME = "stripe";
    static final String SIGNATURE_HEADER = "Stripe-Signature";
    private static final Logger LOG = LoggerFactory.getLogger(StripePaymentProvider.class);

    private final StripeClient stripe;
    private final StripeSettings stripeSettings;
    private final String pageBase;

    StripePaymentProvider(StripeSettings stripeSettings, SelfServiceSettings settings) {
        if (stripeSettings.secretKey().isBlank() || stripeSettings.webhookSecret().isBlank()) {
            throw new IllegalStateException("payment-provider stripe needs COLLECTION_STRIPE_SECRET_KEY and COLLECTION_STRIPE_WEBHOOK_SECRET"
                    + " (collection.self-service.stripe.secret-key and .webhook-secret)");
        }
        StripeClient.StripeClientBuilder client = new StripeClient.StripeClientBuilder().setApiKey(stripeSettings.secretKey())
                .setMaxNetworkRetries(2);
        if (!stripeSettings.apiBase().isBlank()) {
            client.setApiBase(stripeSettings.apiBase());
        }
        this.stripe = client.build();
        this.stripeSettings = stripeSettings;
        this.pageBase = settings.baseUrl().replaceAll("/+$", "") + SelfServiceLinks.PAGE_PATH;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String signatureHeader() {
        return SIGNATURE_HEADER;
    }

    @Override
    public String checkoutUrl(String reference, BigDecimal amount, String currency, String backToken, String language) {
        String back = pageBase + backToken + "?lang=" + language + "&done=";
        SessionCreateParams session = SessionCreateParams.builder()
                .setMode(SessionCreateParams.Mode.PAYMENT)
                .setClientReferenceId(reference)
                .putMetadata("reference", reference)
                .setSuccessUrl(back + "processing")
                .setCancelUrl(back + "failed")
                .setLocale(locale(language))
                .addLineItem(SessionCreateParams.LineItem.builder().setQuantity(1L)
                        .setPriceData(SessionCreateParams.LineItem.PriceData.builder()
                                .setCurrency(currency.toLowerCase(Locale.ROOT))
                                .setUnitAmount(minorUnits(amount, currency))
                                .setProductData(SessionCreateParams.LineItem.PriceData.ProductData.builder()
                                        .setName("Payment " + reference).build())
                                .build())
                        .build())
                .build();
        try {
            return stripe.v1().checkout().sessions().create(session).getUrl();
        } catch (StripeException e) {
            // the SDK's message names the request and Stripe's error code, no debtor data
            LOG.warn("Stripe refused the checkout session for {}: {} ({})", reference, e.getMessage(), e.getStatusCode());
            throw new PaymentProviderUnavailable("Stripe could not open a checkout for " + reference, e);
        }
    }

    @Override
    public Optional<Confirmed> confirmed(byte[] body, String signature) {
        if (signature == null || signature.isBlank()) {
            throw new WebhookSignatureRefused("The " + SIGNATURE_HEADER + " header is missing.");
        }
        Event event;
        try {
            event = Webhook.constructEvent(new String(body, StandardCharsets.UTF_8), signature, stripeSettings.webhookSecret(),
                    stripeSettings.signatureTolerance().toSeconds());
        } catch (SignatureVerificationException e) {
            throw new WebhookSignatureRefused("The " + SIGNATURE_HEADER + " header does not sign this body with the provider's secret"
                    + " within " + stripeSettings.signatureTolerance().toSeconds() + " seconds (Stripe SDK: " + e.getMessage() + ").");
        } catch (JsonParseException | IllegalStateException e) {
            throw new InputRefused("body", "not a Stripe event");
        }
        String type = String.valueOf(event.getType());
        boolean completed = type.equals("checkout.session.completed");
        boolean failed = type.equals("checkout.session.async_payment_failed") || type.equals("checkout.session.expired");
        if (!completed && !failed && !type.equals("checkout.session.async_payment_succeeded")) {
            LOG.info("Stripe event {} of type {} ignored", event.getId(), type);
            return Optional.empty();
        }
        Session session = session(event);
        if (completed && "unpaid".equals(session.getPaymentStatus())) {
            // a delayed payment method: checkout.session.async_payment_succeeded or _failed follows
            return Optional.empty();
        }
        String reference = session.getClientReferenceId() != null ? session.getClientReferenceId()
                : session.getMetadata() == null ? null : session.getMetadata().get("reference");
        if (reference == null || reference.isBlank()) {
            throw new InputRefused("client_reference_id", "the checkout session names no payment of the page");
        }
        return Optional.of(new Confirmed(reference, !failed, amount(session), currency(session)));
    }

    private static Session session(Event event) {
        var data = event.getDataObjectDeserializer();
        StripeObject object = data.getObject().orElse(null);
        if (object == null) {
            try {
                // an event of another API version than the SDK's: read it as it is
                object = data.deserializeUnsafe();
            } catch (EventDataObjectDeserializationException e) {
                throw new InputRefused("data.object", "not a Stripe checkout session");
            }
        }
        if (!(object instanceof Session session)) {
            throw new InputRefused("data.object", "not a Stripe checkout session");
        }
        return session;
    }

    private static String currency(Session session) {
        return session.getCurrency() == null ? null : session.getCurrency().toUpperCase(Locale.ROOT);
    }

    private static BigDecimal amount(Session session) {
        String currency = currency(session);
        if (session.getAmountTotal() == null || currency == null) {
            return null;
        }
        try {
            return BigDecimal.valueOf(session.getAmountTotal(), Currency.getInstance(currency).getDefaultFractionDigits());
        } catch (IllegalArgumentException e) {
            throw new InputRefused("currency", "not a currency: " + session.getCurrency());
        }
    }

    private static SessionCreateParams.Locale locale(String language) {
        return switch (language) {
            case "ro" -> SessionCreateParams.Locale.RO;
            case "bg" -> SessionCreateParams.Locale.BG;
            case "de" -> SessionCreateParams.Locale.DE;
            case "en" -> SessionCreateParams.Locale.EN;
            default -> SessionCreateParams.Locale.AUTO;
        };
    }

    static long minorUnits(BigDecimal amount, String currency) {
        return amount.movePointRight(Currency.getInstance(currency).getDefaultFractionDigits()).longValueExact();
    }
}
