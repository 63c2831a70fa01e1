package com.collectiondesk.outreach;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.collectiondesk.contact.ContactAttempt;
import com.collectiondesk.ledger.Customer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The day-0 SMS of the standard strategy goes out through the real Twilio SDK, in the debtor's language. */
class TwilioSmsTest extends ChannelTestBase {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "en | GB | Europe/London    | +447911123456  | €300.00     | a reminder: | 1",
            "ro | RO | Europe/Bucharest | +40721234567   | 300,00 EUR  | vă reamintim | 3",
            "bg | BG | Europe/Sofia     | +359888123456  | 300,00 €    | напомняне   | 2",
            "de | DE | Europe/Berlin    | +4915123456789 | 300,00 €    | Erinnerung  | 1"})
    void theSmsReachesTwilioInTheDebtorsLanguageWithTheAmountFormattedForThem(
            String language, String country, String zone, String phone, String amount, String greeting, int segments) {
        Customer debtor = standardDebtor("Ivana Petrova", language, country, zone, phone);
        ProcessInstance instance = openAndPlan(debtor);
        runNextStep(instance);

        List<LoggedRequest> sent = TWILIO.findAll(postRequestedFor(urlPathEqualTo(MESSAGES_PATH)));
        assertThat(sent).hasSize(1);
        Map<String, String> form = form(sent.get(0));
        assertThat(form.get("To")).isEqualTo(phone);
        assertThat(form.get("From")).isEqualTo(FROM);
        assertThat(form.get("Body")).contains("Ivana Petrova", amount, greeting, ticketOf(instance).getTicketNumber(), "STOP");
        assertThat(form.get("StatusCallback")).isEqualTo(PUBLIC_BASE_URL + "/webhooks/twilio/status");
        assertThat(sent.get(0).getHeader("Authorization")).startsWith("Basic ");

        ContactAttempt sms = contacts.findByTicketIdOrderByAtAscIdAsc(ticketOf(instance).getId()).get(0);
        assertThat(sms.isSandbox()).isFalse();
        assertThat(sms.getProviderId()).startsWith("SM");
        assertThat(sms.getRenderedText()).isEqualTo(form.get("Body"));
        // GSM-7 fits 160 characters in one segment; Romanian diacritics and Cyrillic need UCS-2 (70 per segment)
        assertThat(sms.getSegments()).isEqualTo(segments);
    }

    @Test
    void aNameThatLooksLikeAnExpressionIsSentLiterally() {
        Customer debtor = standardDebtor("${T(java.lang.Runtime)} [[${7*7}]]", "en", "GB", "Europe/London", "+447911123456");
        runNextStep(openAndPlan(debtor));

        String body = form(TWILIO.findAll(postRequestedFor(urlPathEqualTo(MESSAGES_PATH))).get(0)).get("Body");
        assertThat(body).startsWith("${T(java.lang.Runtime)} [[${7*7}]], a reminder:").doesNotContain("49");
    }

    @Test
    void anAutomatedCallSaysTheReminderInTheDebtorsLanguage() {
        Customer debtor = standardDebtor("Иван Петров", "bg", "BG", "Europe/Sofia", "+359888123456");
        outreach.send(message(debtor, "VOICE", "voice-reminder", "T-VOICE-1:0:0:VOICE"));

        LoggedRequest call = TWILIO.findAll(postRequestedFor(urlPathEqualTo(CALLS_PATH))).get(0);
        Map<String, String> form = form(call);
        assertThat(form.get("To")).isEqualTo("+359888123456");
        assertThat(form.get("From")).isEqualTo(FROM);
        assertThat(form.get("Twiml")).contains("<Say language=\"bg-BG\">", "Здравейте, Иван Петров", "300,00 €");
        assertThat(form.get("StatusCallback")).isEqualTo(PUBLIC_BASE_URL + "/webhooks/twilio/status");
        TWILIO.verify(1, postRequestedFor(urlPathEqualTo(CALLS_PATH)).withRequestBody(containing("Twiml=")));
    }

    static Map<String, String> form(LoggedRequest request) {
        return Arrays.stream(request.getBodyAsString().split("&")).map(pair -> pair.split("=", 2))
                .collect(Collectors.toMap(pair -> decode(pair[0]), pair -> pair.length > 1 ? decode(pair[1]) : ""));
    }

    private static String decode(String value) {
        return URLDecoder.decode(value, StandardCharsets.UTF_8);
    }
}
