package com.collectiondesk.selfservice;

import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.collectiondesk.contact.ContactAttempt;
import com.collectiondesk.ledger.Contract;
import com.collectiondesk.ledger.Customer;
import com.collectiondesk.outreach.ChannelTestBase;
import com.collectiondesk.outreach.Channel;
import com.collectiondesk.outreach.DebtorPageLinks;
import com.collectiondesk.ticket.TicketEvent;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.net.URLDecoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The channel the debtor prefers on their page carries the strategy's SMS and email steps, through the real transports:
 * e-mail through GreenMail, SMS through the Twilio SDK against its stub. A SOFT debtor: e-mail on day 3, SMS on day 7.
 */
class PreferredChannelTest extends ChannelTestBase {

    private static final Pattern PAGE_LINK = Pattern.compile("https?://\\S+/s/[A-Za-z0-9_-]{22}");

    @LocalServerPort int port;
    @Autowired DebtorPageLinks pageLinks;

    DebtorBrowser browser;
    Customer debtor;
    ProcessInstance instance;

    @BeforeEach
    void softDebtorWithAnEmailAndAPhone() {
        browser = new DebtorBrowser(port);
        Customer customer = ledger.customer(100);
        Contract utility = ledger.contract(customer, "UTILITY");
        ledger.invoice(customer, utility, "50.00", TODAY.minusDays(10));
        debtor = ledger.change(customer, d -> d.name("Ivana Petrova").address("1 Vitosha Blvd, 1000 Sofia"));
        instance = openAndPlan(debtor);
        assertThat(ticketOf(instance).getSegment()).isEqualTo("SOFT");
    }

    @Test
    void aDebtorWhoPrefersEmailGetsTheSmsStepByEmailAndTwilioSendsNothing() throws Exception {
        runNextStep(instance);
        assertThat(SMTP.getReceivedMessages()).as("the day-3 e-mail").hasSize(1);
        String page = verified(pageLinkIn(text(SMTP.getReceivedMessages()[0])));
        prefer(page, "EMAIL");

        runNextStep(instance);

        MimeMessage[] received = SMTP.getReceivedMessages();
        assertThat(received).as("the day-7 SMS step arrived as an e-mail").hasSize(2);
        assertThat(received[1].getSubject()).isEqualTo("A reminder about €50.00 (" + instance.getBusinessKey() + ")");
        assertThat(text(received[1])).contains("a reminder: €50.00 is overdue on your account", "/s/");
        assertThat(smsSent()).as("no SMS").isEmpty();
        assertThat(contacts.findByTicketIdOrderByAtAscIdAsc(ticketOf(instance).getId()))
                .extracting(ContactAttempt::getChannel, ContactAttempt::getTemplateId)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(Channel.EMAIL, "email-friendly"),
                        org.assertj.core.groups.Tuple.tuple(Channel.EMAIL, "email-reminder"));
        assertThat(lastEvent("CONTACT")).startsWith("EMAIL email-reminder; sent by email as the debtor prefers (the strategy"
                + " planned SMS sms-reminder): ");
        assertThat(lastEvent("CONTACT_POLICY")).startsWith("EMAIL ALLOWED").endsWith("; sent by email as the debtor prefers"
                + " (the strategy planned SMS sms-reminder)");
    }

    @Test
    void aDebtorWhoPrefersSmsGetsTheEmailStepAsAnSmsFromItsShortVersion() throws Exception {
        // the link as a letter carries it, before the first step
        String page = verified(pageLinks.linkFor(instance.getBusinessKey(), debtor.getId(), Channel.LETTER));
        prefer(page, "SMS");

        runNextStep(instance);

        assertThat(SMTP.getReceivedMessages()).as("no e-mail").isEmpty();
        List<LoggedRequest> sms = smsSent();
        assertThat(sms).hasSize(1);
        String body = URLDecoder.decode(sms.get(0).getBodyAsString(), StandardCharsets.UTF_8);
        assertThat(body).contains("To=+359888123456", "Ivana Petrova, friendly reminder: €50.00 is past due on "
                + instance.getBusinessKey());
        assertThat(lastEvent("CONTACT")).startsWith("SMS sms-friendly [1 SMS segments]; sent by SMS as the debtor prefers"
                + " (the strategy planned EMAIL email-friendly): ");
    }

    @Test
    void aPreferredEmailTheDebtorThenOptedOutOfFallsBackToTheSmsThePlanSends() throws Exception {
        runNextStep(instance);
        String page = verified(pageLinkIn(text(SMTP.getReceivedMessages()[0])));
        prefer(page, "EMAIL");
        HttpResponse<String> stopped = browser.submit(page, page + "/preferences", Map.of("stopEmail", "on"));
        assertThat(stopped.statusCode()).isEqualTo(200);

        runNextStep(instance);

        assertThat(SMTP.getReceivedMessages()).as("only the day-3 e-mail").hasSize(1);
        assertThat(smsSent()).hasSize(1);
        assertThat(contacts.findByTicketIdOrderByAtAscIdAsc(ticketOf(instance).getId()))
                .extracting(ContactAttempt::getChannel).containsExactly(Channel.EMAIL, Channel.SMS);
        assertThat(lastEvent("CONTACT")).startsWith("SMS sms-reminder [1 SMS segments]; the debtor prefers email but opted"
                + " out of email: sent by SMS as planned: ");
    }

    @Test
    void aDebtorWithoutAPreferenceGetsThePlanAsItIs() throws Exception {
        runNextStep(instance);
        runNextStep(instance);

        assertThat(SMTP.getReceivedMessages()).hasSize(1);
        assertThat(smsSent()).hasSize(1);
        assertThat(contacts.findByTicketIdOrderByAtAscIdAsc(ticketOf(instance).getId()))
                .extracting(ContactAttempt::getChannel, ContactAttempt::getTemplateId)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(Channel.EMAIL, "email-friendly"),
                        org.assertj.core.groups.Tuple.tuple(Channel.SMS, "sms-reminder"));
        assertThat(lastEvent("CONTACT")).startsWith("SMS sms-reminder [1 SMS segments]: ").doesNotContain("prefers");
    }

    private String verified(String link) {
        String page = DebtorBrowser.pathOf(link);
        assertThat(browser.get(page).statusCode()).isEqualTo(200);
        HttpResponse<String> verified = browser.submit(page, page + "/verify", Map.of("answer", "1000"));
        assertThat(verified.statusCode()).isEqualTo(303);
        return page;
    }

    private void prefer(String page, String channel) {
        HttpResponse<String> saved = browser.submit(page, page + "/contact-preference", Map.of("preferredChannel", channel,
                "preferredTime", ""));
        assertThat(saved.statusCode()).isEqualTo(200);
        assertThat(saved.body()).contains("<option value=\"" + channel + "\" selected>");
    }

    private static List<LoggedRequest> smsSent() {
        return TWILIO.findAll(postRequestedFor(urlPathEqualTo(MESSAGES_PATH)));
    }

    private String lastEvent(String type) {
        return events.findByTicketIdOrderByAtAscIdAsc(ticketOf(instance).getId()).stream()
                .filter(e -> e.getType().equals(type)).reduce((first, second) -> second).map(TicketEvent::getDetails).orElseThrow();
    }

    private static String pageLinkIn(String text) {
        Matcher link = PAGE_LINK.matcher(text);
        assertThat(link.find()).as("a page link in: %s", text).isTrue();
        return link.group();
    }

    /** The plain-text part of an e-mail. */
    private static String text(Part part) throws Exception {
        if (part.isMimeType("text/plain")) {
            return (String) part.getContent();
        }
        if (part.getContent() instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                String found = text(multipart.getBodyPart(i));
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }
}
