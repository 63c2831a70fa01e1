package com.collectiondesk.outreach;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.collectiondesk.ledger.Customer;
import com.collectiondesk.ledger.CustomerRepository;
import com.collectiondesk.support.TicketProcessTestBase;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The ticket process with the real transports: the Twilio SDK against WireMock on loopback, email through
 * GreenMail, letters as PDFs. One Spring context and one stub of each for all channel tests.
 */
public abstract class ChannelTestBase extends TicketProcessTestBase {

    protected static final String ACCOUNT_SID = "AC0123456789abcdef0123456789abcdef";
    protected static final String AUTH_TOKEN = "test-auth-token";
    protected static final String FROM = "+15005550006";
    protected static final String PUBLIC_BASE_URL = "https://collect.example.com";
    protected static final String MESSAGES_PATH = "/2010-04-01/Accounts/" + ACCOUNT_SID + "/Messages.json";
    protected static final String CALLS_PATH = "/2010-04-01/Accounts/" + ACCOUNT_SID + "/Calls.json";

    protected static final WireMockServer TWILIO = new WireMockServer(wireMockConfig().bindAddress("127.0.0.1").dynamicPort());
    protected static final GreenMail SMTP = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
    private static final AtomicInteger SIDS = new AtomicInteger();
    /** The service reaches GreenMail through it, so tests can count the SMTP connections it opens. */
    protected static final ConnectionCountingProxy SMTP_CONNECTIONS;

    static {
        TWILIO.start();
        SMTP.start();
        SMTP_CONNECTIONS = new ConnectionCountingProxy(SMTP.getSmtp().getPort());
    }

    @Autowired protected CustomerRepository customers;
    @Autowired protected OutreachPort outreach;

    @DynamicPropertySource
    protected static void realTransports(DynamicPropertyRegistry properties) {
        properties.add("collection.outreach.sms.transport", () -> "twilio");
        properties.add("collection.outreach.voice.transport", () -> "twilio");
        properties.add("collection.outreach.email.transport", () -> "smtp");
        properties.add("collection.outreach.letter.transport", () -> "pdf");
        properties.add("collection.outreach.retry-cycle", () -> "PT1M,PT5M,PT30M");
        properties.add("collection.twilio.account-sid", () -> ACCOUNT_SID);
        properties.add("collection.twilio.auth-token", () -> AUTH_TOKEN);
        properties.add("collection.twilio.from", () -> FROM);
        properties.add("collection.twilio.api-base-url", TWILIO::baseUrl);
        properties.add("collection.public-base-url", () -> PUBLIC_BASE_URL);
        properties.add("spring.mail.host", () -> "127.0.0.1");
        properties.add("spring.mail.port", SMTP_CONNECTIONS::port);
    }

    @BeforeEach
    protected void resetStubs() throws Exception {
        TWILIO.resetAll();
        TWILIO.stubFor(accepted(post(urlPathEqualTo(MESSAGES_PATH)), "SM"));
        TWILIO.stubFor(accepted(post(urlPathEqualTo(CALLS_PATH)), "CA"));
        SMTP.purgeEmailFromAllMailboxes();
    }

    /** Twilio's 201 with a fresh SID, as its API answers a created message or call. */
    protected static MappingBuilder accepted(MappingBuilder request, String prefix) {
        String sid = prefix + String.format("%032d", SIDS.incrementAndGet());
        return request.willReturn(aResponse().withStatus(201).withHeader("Content-Type", "application/json")
                .withBody("{\"sid\": \"" + sid + "\", \"account_sid\": \"" + ACCOUNT_SID + "\", \"status\": \"queued\"}"));
    }

    /** A STANDARD debtor (SMS on day 0) who reads the given language in the given country and zone. */
    protected Customer standardDebtor(String name, String language, String country, String zone, String phone) {
        return ledger.change(standardDebtor(), debtor -> debtor.name(name).language(language).country(country).timeZone(zone)
                .phone(phone));
    }

    /** A send straight through the outreach port, as the ticket process makes it: 300.00 EUR overdue, two invoices. */
    protected static OutreachMessage message(Customer debtor, String channel, String templateId, String sendKey) {
        return new OutreachMessage(sendKey, Channel.valueOf(channel), templateId,
                new OutreachMessage.Debtor(debtor.getId(), debtor.getName(), debtor.getLanguage(), debtor.getCountry(),
                        debtor.getPhone(), debtor.getEmail(), debtor.getAddress(), debtor.isEmailOptOut()),
                new OutreachMessage.Debt(sendKey.substring(0, sendKey.indexOf(':')), new BigDecimal("300.00"), "EUR", 20, List.of(
                        new OutreachMessage.OverdueInvoice("INV-1001", LocalDate.of(2026, 2, 10), new BigDecimal("200.00")),
                        new OutreachMessage.OverdueInvoice("INV-1002", LocalDate.of(2026, 2, 25), new BigDecimal("100.00")))));
    }
}
