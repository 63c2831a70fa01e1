package com.collectiondesk.selfservice;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.collectiondesk.ledger.PaymentRepository;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.stripe.Stripe;
import com.stripe.net.Webhook;
import java.net.URLDecoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Stripe Checkout as the page's provider, reached through Stripe's own Java SDK on a local stub of Stripe's API (never
 * the internet): the Checkout Session the page opens, and the webhook, whose Stripe-Signature the SDK checks before the
 * payment is booked, once, as an ERP payment is.
 */
class StripePaymentTest extends SelfServiceTestBase {

    static final WireMockServer STRIPE = new WireMockServer(wireMockConfig().bindAddress("127.0.0.1").dynamicPort());
    static final String SECRET_KEY = "sk_test_collection_desk";
    static final String SIGNING_SECRET = "whsec_collection_desk_test";
    static final String SESSIONS = "/v1/checkout/sessions";
    static final String CHECKOUT_URL = "https://checkout.stripe.test/c/pay/cs_test_a1#fid";

    static {
        STRIPE.start();
    }

    @DynamicPropertySource
    static void stripe(DynamicPropertyRegistry properties) {
        properties.add("collection.self-service.payment-provider", () -> "stripe");
        properties.add("collection.self-service.stripe.api-base", STRIPE::baseUrl);
        properties.add("collection.self-service.stripe.secret-key", () -> SECRET_KEY);
        properties.add("collection.self-service.stripe.webhook-secret", () -> SIGNING_SECRET);
    }

    @Autowired PaymentRepository payments;

    @BeforeEach
    void stripeOpensSessions() {
        STRIPE.resetAll();
        STRIPE.stubFor(post(urlPathEqualTo(SESSIONS)).willReturn(okJson(
                "{\"id\": \"cs_test_a1\", \"object\": \"checkout.session\", \"url\": \"" + CHECKOUT_URL + "\"}")));
    }

    /** Pays {@code amount} on the page; answers the reference Stripe got as client_reference_id. */
    String payWithStripe(String page, String amount) {
        HttpResponse<String> toCheckout = browser.submit(page, page + "/pay", Map.of("payAmount", amount));
        assertThat(toCheckout.statusCode()).as(toCheckout.body()).isEqualTo(303);
        assertThat(toCheckout.headers().firstValue("Location")).hasValue(CHECKOUT_URL);
        return sessionRequest().get("client_reference_id");
    }

    Map<String, String> sessionRequest() {
        List<LoggedRequest> requests = STRIPE.findAll(postRequestedFor(urlPathEqualTo(SESSIONS)));
        assertThat(requests).hasSize(1);
        return Arrays.stream(requests.get(0).getBodyAsString().split("&")).map(pair -> pair.split("=", 2))
                .collect(Collectors.toMap(pair -> URLDecoder.decode(pair[0], StandardCharsets.UTF_8),
                        pair -> URLDecoder.decode(pair[1], StandardCharsets.UTF_8)));
    }

    static String event(String type, String reference, long amountTotal, String paymentStatus) {
        return "{\"id\": \"evt_" + type.hashCode() + "\", \"object\": \"event\", \"api_version\": \"" + Stripe.API_VERSION + "\","
                + " \"created\": " + Instant.now().getEpochSecond() + ", \"type\": \"" + type + "\", \"livemode\": false,"
                + " \"data\": {\"object\": {\"id\": \"cs_test_a1\", \"object\": \"checkout.session\", \"client_reference_id\": \""
                + reference + "\", \"metadata\": {\"reference\": \"" + reference + "\"}, \"amount_total\": " + amountTotal
                + ", \"currency\": \"eur\", \"payment_status\": \"" + paymentStatus + "\", \"status\": \"complete\"}}}";
    }

    static String stripeSignature(String payload, String secret, Instant at) {
        try {
            long timestamp = at.getEpochSecond();
            return "t=" + timestamp + ",v1=" + Webhook.Util.computeHmacSha256(secret, timestamp + "." + payload);
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    HttpResponse<String> webhook(String body, String signature) {
        return browser.postJson(PaymentWebhooks.PATH + "stripe", body,
                signature == null ? Map.of() : Map.of(StripePaymentProvider.SIGNATURE_HEADER, signature));
    }

    String paymentStatus(String reference) {
        return jdbc.queryForObject("select status from self_service_payment where reference = ?", String.class, reference);
    }

    @Test
    void theSdkOpensACheckoutSessionWithTheAmountCurrencyReferenceAndTheWayBackToThePage() {
        String page = verifiedPage();

        String reference = payWithStripe(page, "120,50");

        Map<String, String> sent = sessionRequest();
        assertThat(sent).containsEntry("mode", "payment").containsEntry("client_reference_id", reference)
                .containsEntry("metadata[reference]", reference)
                .containsEntry("line_items[0][quantity]", "1")
                .containsEntry("line_items[0][price_data][currency]", "eur")
                .containsEntry("line_items[0][price_data][unit_amount]", "12050")
                .containsEntry("line_items[0][price_data][product_data][name]", "Payment " + reference)
                .containsEntry("locale", "en")
                .containsEntry("success_url", "http://localhost:8080" + page + "?lang=en&done=processing")
                .containsEntry("cancel_url", "http://localhost:8080" + page + "?lang=en&done=failed");
        assertThat(reference).startsWith("SS-");
        LoggedRequest request = STRIPE.findAll(postRequestedFor(urlPathEqualTo(SESSIONS))).get(0);
        assertThat(request.getHeader("Authorization")).isEqualTo("Bearer " + SECRET_KEY);
        assertThat(jdbc.queryForMap("select provider, status, amount from self_service_payment where reference = ?", reference))
                .containsEntry("PROVIDER", "stripe").containsEntry("STATUS", "PENDING");
        assertThat(payments.findByPaymentId(reference)).as("nothing is booked before the webhook").isEmpty();
        assertThat(browser.get(page + "?done=processing").body()).contains("your payment is being confirmed");
    }

    @Test
    void aWebhookTheSdkVerifiesBooksThePaymentAsTheErpWouldAndAReplayBooksOnce() {
        String reference = payWithStripe(verifiedPage(), "120.00");
        String body = event("checkout.session.completed", reference, 12000, "paid");

        HttpResponse<String> first = webhook(body, stripeSignature(body, SIGNING_SECRET, Instant.now()));
        HttpResponse<String> replay = webhook(body, stripeSignature(body, SIGNING_SECRET, Instant.now()));

        assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
        assertThat(first.body()).contains("BOOKED");
        assertThat(replay.statusCode()).isEqualTo(200);
        assertThat(replay.body()).contains("ALREADY_SETTLED");
        assertThat(payments.findByPaymentId(reference)).hasValueSatisfying(p -> assertThat(p.getAmount()).isEqualByComparingTo("120.00"));
        assertThat(jdbc.queryForObject("select count(*) from payment where payment_id = ?", Integer.class, reference)).isOne();
        assertThat(ticketOf(instance).getOverdueAmount()).isEqualByComparingTo("180.00");
        assertThat(timelineTypes(ticketOf(instance))).containsOnlyOnce("PAYMENT").containsOnlyOnce("SELF_SERVICE_PAYMENT");
        assertThat(paymentStatus(reference)).isEqualTo("BOOKED");
    }

    @Test
    void aWebhookWithABadMissingOrStaleSignatureIsRefusedAndBooksNothing() {
        String reference = payWithStripe(verifiedPage(), "300.00");
        String body = event("checkout.session.completed", reference, 30000, "paid");
        Map<String, String> signatures = new java.util.LinkedHashMap<>();
        signatures.put("another secret", stripeSignature(body, "whsec_someone_else", Instant.now()));
        signatures.put("another body", stripeSignature(body.replace("30000", "3"), SIGNING_SECRET, Instant.now()));
        signatures.put("stale timestamp", stripeSignature(body, SIGNING_SECRET, Instant.now().minusSeconds(600)));
        signatures.put("no v1 signature", "t=" + Instant.now().getEpochSecond());
        signatures.put("sandbox style", WebhookSignatures.sign(body.getBytes(StandardCharsets.UTF_8), SIGNING_SECRET));

        for (Map.Entry<String, String> signature : signatures.entrySet()) {
            HttpResponse<String> refused = webhook(body, signature.getValue());
            assertThat(refused.statusCode()).as(signature.getKey()).isEqualTo(401);
            assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
            assertThat(refused.body()).as(signature.getKey()).contains("Signature refused", "The Stripe-Signature header does not sign this body")
                    .doesNotContain("Exception");
        }
        assertThat(webhook(body, stripeSignature(body, SIGNING_SECRET, Instant.now().minusSeconds(600))).body())
                .contains("Timestamp outside the tolerance zone");
        HttpResponse<String> unsigned = webhook(body, null);
        assertThat(unsigned.statusCode()).isEqualTo(401);
        assertThat(unsigned.body()).contains("The Stripe-Signature header is missing.");

        assertThat(payments.findByPaymentId(reference)).isEmpty();
        assertThat(paymentStatus(reference)).isEqualTo("PENDING");
        assertThat(ticketOf(instance).getOverdueAmount()).isEqualByComparingTo("300.00");
    }

    @Test
    void signedEventsAboutAnythingElseAreIgnoredAndAFailedOrWrongAmountPaymentBooksNothing() {
        String reference = payWithStripe(verifiedPage(), "50.00");

        String other = event("customer.created", reference, 5000, "paid");
        HttpResponse<String> ignored = webhook(other, stripeSignature(other, SIGNING_SECRET, Instant.now()));
        assertThat(ignored.statusCode()).isEqualTo(200);
        assertThat(ignored.body()).contains("IGNORED");

        String wrongAmount = event("checkout.session.completed", reference, 500, "paid");
        HttpResponse<String> refused = webhook(wrongAmount, stripeSignature(wrongAmount, SIGNING_SECRET, Instant.now()));
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("amount", "5.00 EUR is not the 50.00 EUR");

        String failed = event("checkout.session.async_payment_failed", reference, 5000, "unpaid");
        HttpResponse<String> failure = webhook(failed, stripeSignature(failed, SIGNING_SECRET, Instant.now()));
        assertThat(failure.statusCode()).isEqualTo(200);
        assertThat(failure.body()).contains("FAILED");
        assertThat(paymentStatus(reference)).isEqualTo("FAILED");
        assertThat(payments.findByPaymentId(reference)).isEmpty();
        assertThat(timelineTypes(ticketOf(instance))).contains("SELF_SERVICE_PAYMENT_FAILED").doesNotContain("SELF_SERVICE_PAYMENT");
    }

    @Test
    void whenStripeRefusesTheSessionThePageSaysSoAndNothingIsStored() {
        String page = verifiedPage();
        STRIPE.stubFor(post(urlPathEqualTo(SESSIONS)).willReturn(aResponse().withStatus(401).withHeader("Content-Type", "application/json")
                .withBody("{\"error\": {\"type\": \"invalid_request_error\", \"message\": \"Invalid API Key provided\"}}")));

        HttpResponse<String> refused = browser.submit(page, page + "/pay", Map.of("payAmount", "80.00"));

        assertThat(refused.statusCode()).isEqualTo(503);
        assertThat(refused.body()).contains("Paying online is not possible right now", "value=\"80.00\"");
        assertThat(jdbc.queryForObject("select count(*) from self_service_payment where ticket_fk = ?", Integer.class,
                ticketOf(instance).getId())).isZero();
    }
}
