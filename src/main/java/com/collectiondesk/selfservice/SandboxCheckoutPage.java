package com.collectiondesk.selfservice;

import com.collectiondesk.outreach.OutreachSettings;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The sandbox provider's checkout: shows the amount and lets the debtor simulate success or failure. The choice
 * becomes a webhook event signed with the provider secret and goes through the same verification and booking as a
 * real provider's, then the debtor returns to their page.
 */
@RestController
class SandboxCheckoutPage {

    static final String PATH = "/s/sandbox/pay/";

    private final SelfServicePayments payments;
    private final SandboxPaymentProvider sandbox;
    private final PaymentWebhooks webhooks;
    private final SelfServicePage page;
    private final String company;

    SandboxCheckoutPage(SelfServicePayments payments, SandboxPaymentProvider sandbox, PaymentWebhooks webhooks,
                        SelfServicePage page, OutreachSettings outreach) {
        this.payments = payments;
        this.sandbox = sandbox;
        this.webhooks = webhooks;
        this.page = page;
        this.company = outreach.companyName();
    }

    @GetMapping(value = PATH + "{reference}", produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<String> checkout(@PathVariable String reference, @RequestParam(required = false) String back,
                                    @RequestParam(required = false) String lang) {
        return payments.pending(reference).filter(pending -> LinkTokens.wellFormed(back)).map(pending -> {
            Words words = Words.of(lang);
            String action = PATH + reference + "?back=" + back + "&lang=" + words.language();
            java.text.NumberFormat money = java.text.NumberFormat.getCurrencyInstance(java.util.Locale.forLanguageTag(words.language()));
            money.setCurrency(java.util.Currency.getInstance(pending.currency()));
            String amount = money.format(pending.amount()).replace('\u00a0', ' ');
            String main = "<h1>" + PageHtml.esc(words.get("sandboxTitle")) + "</h1>"
                    + PageHtml.paragraph("hint", words.get("sandboxText", amount))
                    + "<form method=\"post\" action=\"" + PageHtml.esc(action) + "\">"
                    + "<button type=\"submit\" name=\"outcome\" value=\"success\">" + PageHtml.esc(words.get("sandboxSuccess")) + "</button> "
                    + "<button type=\"submit\" name=\"outcome\" value=\"failure\" class=\"secondary\">"
                    + PageHtml.esc(words.get("sandboxFailure")) + "</button></form>";
            return html(HttpStatus.OK, PageHtml.document(words, words.get("sandboxTitle"), company + " (sandbox)", null, main));
        }).orElseGet(() -> page.invalidLink(lang));
    }

    @PostMapping(value = PATH + "{reference}", produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<String> simulate(@PathVariable String reference, @RequestParam(required = false) String back,
                                    @RequestParam(required = false) String lang, @RequestParam String outcome) {
        return payments.pending(reference).filter(pending -> LinkTokens.wellFormed(back)).map(pending -> {
            boolean success = "success".equals(outcome);
            byte[] event = ("{\"type\":\"payment." + (success ? "succeeded" : "failed") + "\",\"reference\":\"" + reference
                    + "\",\"amount\":\"" + pending.amount().toPlainString() + "\",\"currency\":\"" + pending.currency() + "\"}")
                    .getBytes(StandardCharsets.UTF_8);
            // as a real provider would: signed, then verified by the webhook side before anything is booked
            webhooks.handle(sandbox, event, sandbox.sign(event));
            return ResponseEntity.status(HttpStatus.SEE_OTHER).location(URI.create(SelfServiceLinks.PAGE_PATH + back
                    + "?lang=" + Words.of(lang).language() + "&done=" + (success ? "paid" : "failed"))).<String>build();
        }).orElseGet(() -> page.invalidLink(lang));
    }

    static ResponseEntity<String> html(HttpStatus status, String body) {
        return ResponseEntity.status(status).contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8)).body(body);
    }
}
