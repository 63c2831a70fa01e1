package com.collectiondesk.selfservice;

import static org.assertj.core.api.Assertions.assertThat;

import com.collectiondesk.ledger.PaymentRepository;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Paying on the page: the sandbox checkout, and the provider's webhook, which alone books the payment, once, through
 * the ledger as an ERP payment is booked.
 */
class PaymentWebhookTest extends SelfServiceTestBase {

    @Autowired PaymentRepository payments;
    @Autowired SelfServiceSettings settings;

    /** Starts a payment of {@code amount} on the page; answers its reference (the debtor is now at the checkout). */
    String startPayment(String page, String amount) {
        HttpResponse<String> toCheckout = browser.submit(page, page + "/pay", Map.of("payAmount", amount));
        assertThat(toCheckout.statusCode()).isEqualTo(303);
        String checkout = toCheckout.headers().firstValue("Location").orElseThrow();
        assertThat(checkout).contains(SandboxCheckoutPage.PATH);
        return checkout.substring(checkout.indexOf(SandboxCheckoutPage.PATH) + SandboxCheckoutPage.PATH.length(), checkout.indexOf('?'));
    }

    String event(String reference, String amount) {
        return "{\"type\":\"payment.succeeded\",\"reference\":\"" + reference + "\",\"amount\":\"" + amount + "\",\"currency\":\"EUR\"}";
    }

    HttpResponse<String> webhook(String body, String signature) {
        return browser.postJson(PaymentWebhooks.PATH + "sandbox", body, signature == null ? Map.of() : Map.of("X-Signature", signature));
    }

    String sign(String body) {
        return WebhookSignatures.sign(body.getBytes(StandardCharsets.UTF_8), settings.webhookSecret());
    }

    @Test
    void aSignedWebhookBooksThePaymentAsTheErpWouldAndAReplayBooksNothingMore() {
        String reference = startPayment(verifiedPage(), "120.00");
        assertThat(payments.findByPaymentId(reference)).isEmpty();

        String body = event(reference, "120.00");
        HttpResponse<String> first = webhook(body, sign(body));
        HttpResponse<String> replay = webhook(body, sign(body));

        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(first.body()).contains("BOOKED");
        assertThat(replay.statusCode()).isEqualTo(200);
        assertThat(replay.body()).contains("ALREADY_SETTLED");
        assertThat(payments.findByPaymentId(reference)).hasValueSatisfying(p -> assertThat(p.getAmount()).isEqualByComparingTo("120.00"));
        assertThat(jdbc.queryForObject("select count(*) from payment where payment_id = ?", Integer.class, reference)).isOne();
        assertThat(ticketOf(instance).getOverdueAmount()).isEqualByComparingTo("180.00");
        assertThat(timelineTypes(ticketOf(instance))).containsOnlyOnce("PAYMENT").containsOnlyOnce("SELF_SERVICE_PAYMENT");
    }

    @Test
    void aWebhookWithABadOrMissingSignatureIsRefusedAndBooksNothing() {
        String reference = startPayment(verifiedPage(), "300.00");
        String body = event(reference, "300.00");

        for (String signature : new String[] {null, "sha256=00", sign(body.replace("300.00", "3.00")),
                WebhookSignatures.sign(body.getBytes(StandardCharsets.UTF_8), "another-secret")}) {
            HttpResponse<String> refused = webhook(body, signature);
            assertThat(refused.statusCode()).isEqualTo(401);
            assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
            assertThat(refused.body()).contains("does not sign this body");
        }
        assertThat(payments.findByPaymentId(reference)).isEmpty();
        assertThat(jdbc.queryForObject("select status from self_service_payment where reference = ?", String.class, reference))
                .isEqualTo("PENDING");
    }

    @Test
    void aSignedEventForAnotherAmountIsRefusedNamingTheField() {
        String reference = startPayment(verifiedPage(), "50.00");
        String body = event(reference, "300.00");

        HttpResponse<String> refused = webhook(body, sign(body));

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("amount");
        assertThat(payments.findByPaymentId(reference)).isEmpty();
    }

    @Test
    void theSandboxCheckoutPaysThePartAndTheRestIsPromised() {
        String page = verifiedPage();
        String reference = startPayment(page, "100");
        String checkout = SandboxCheckoutPage.PATH + reference + "?back=" + page.substring(3) + "&lang=en";
        assertThat(browser.get(checkout).body()).contains("Simulate success", "€100.00");

        HttpResponse<String> back = browser.post(checkout, Map.of("outcome", "success"));

        assertThat(back.statusCode()).isEqualTo(303);
        assertThat(back.headers().firstValue("Location")).hasValue(page + "?lang=en&done=paid");
        assertThat(browser.get(page + "?lang=en&done=paid").body()).contains("your payment has been received", "€200.00");
        assertThat(payments.findByPaymentId(reference)).isPresent();
        HttpResponse<String> promised = browser.submit(page, page + "/promise",
                Map.of("promiseAmount", "200", "promiseDate", TODAY.plusDays(7).toString()));
        assertThat(promised.statusCode()).isEqualTo(200);
        assertThat(ticketOf(instance).getStatus()).isEqualTo(com.collectiondesk.ticket.TicketStatus.PROMISED);
    }

    @Test
    void aSimulatedFailureBooksNothingAndSaysSo() {
        String page = verifiedPage();
        String reference = startPayment(page, "100");

        HttpResponse<String> back = browser.post(SandboxCheckoutPage.PATH + reference + "?back=" + page.substring(3),
                Map.of("outcome", "failure"));

        assertThat(back.headers().firstValue("Location")).hasValue(page + "?lang=en&done=failed");
        assertThat(payments.findByPaymentId(reference)).isEmpty();
        assertThat(timelineTypes(ticketOf(instance))).contains("SELF_SERVICE_PAYMENT_FAILED");
    }
}
