package com.collectiondesk.outreach;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.collectiondesk.support.BenchmarkJobExecutor;
import com.collectiondesk.support.IntegrationTest;
import com.collectiondesk.support.PostgresInitializer;
import com.collectiondesk.ticket.TicketProcess;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/**
 * SMS sends per second when -Dbenchmark.tickets (default 10000) tickets reach their SMS step at once: each
 * ticket's process waits at the async send job; the job executor (on embedded PostgreSQL) runs the contact
 * policy, the outbox, the real Twilio SDK against a local Twilio-compatible stub, and records the contact.
 * Then emails per second through GreenMail (-Dbenchmark.emails, default 2000, 4 sending threads).
 * Run: {@code ./mvnw -Pbenchmark verify -Dtest=OutreachBenchmark}.
 */
@IntegrationTest
@ContextConfiguration(initializers = PostgresInitializer.class)
@BenchmarkJobExecutor
@TestPropertySource(properties = {
        "collection.outreach.sms.transport=twilio",
        "collection.outreach.email.transport=smtp",
        "collection.twilio.account-sid=AC0123456789abcdef0123456789abcdef",
        "collection.twilio.auth-token=benchmark-token",
        "collection.twilio.from=+15005550006"})
class OutreachBenchmark {

    static final WireMockServer TWILIO = new WireMockServer(wireMockConfig().bindAddress("127.0.0.1").dynamicPort()
            .containerThreads(16));
    static final GreenMail SMTP = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
    /** 10:00 in Sofia: inside contact hours, so the policy lets every SMS through. */
    static final Instant NOW = Instant.parse("2026-03-03T08:00:00Z");
    static final LocalDate TODAY = LocalDate.of(2026, 3, 3);

    static {
        TWILIO.start();
        SMTP.start();
    }

    @Autowired JdbcTemplate jdbc;
    @Autowired ProcessEngine engine;
    @Autowired OutreachPort outreach;
    @Autowired Environment environment;

    @DynamicPropertySource
    static void stubs(DynamicPropertyRegistry properties) {
        properties.add("collection.twilio.api-base-url", TWILIO::baseUrl);
        properties.add("spring.mail.host", () -> "127.0.0.1");
        properties.add("spring.mail.port", () -> SMTP.getSmtp().getPort());
    }

    @AfterAll
    static void stop() {
        ClockUtil.reset();
        TWILIO.stop();
        SMTP.stop();
    }

    @Test
    void smsAndEmailThroughput() throws Exception {
        int tickets = Integer.getInteger("benchmark.tickets", 10_000);
        int emails = Integer.getInteger("benchmark.emails", 2_000);
        TWILIO.stubFor(post(urlPathEqualTo("/2010-04-01/Accounts/AC0123456789abcdef0123456789abcdef/Messages.json"))
                .willReturn(aResponse().withStatus(201).withHeader("Content-Type", "application/json")
                        .withTransformers("response-template").withBody("{\"sid\": \"SM{{randomValue length=32 type='ALPHANUMERIC'}}\", \"status\": \"queued\"}")));
        ProcessEngineConfigurationImpl config = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
        config.getJobExecutor().shutdown();
        ClockUtil.setCurrentTime(Date.from(NOW));

        long setUpStart = System.nanoTime();
        loadTicketsAtTheirSmsStep(tickets);
        for (long id = 1; id <= tickets; id++) {
            engine.getRuntimeService().createProcessInstanceByKey(TicketProcess.KEY).businessKey(String.format("T-B-%06d", id))
                    .setVariables(Map.of(TicketProcess.STEP_INDEX, 0, TicketProcess.STEP_CHANNEL, "SMS",
                            TicketProcess.STRATEGY_OUTCOME, ""))
                    .startBeforeActivity(TicketProcess.SEND_OUTREACH).execute();
        }
        Duration setUp = Duration.ofNanos(System.nanoTime() - setUpStart);

        long sendStart = System.nanoTime();
        config.getJobExecutor().start();
        long sent = 0;
        while (sent < tickets) {
            Thread.sleep(250);
            sent = jdbc.queryForObject("select count(*) from contact_attempt where channel = 'SMS' and outcome = 'SENT'", Long.class);
            if (System.nanoTime() - sendStart > Duration.ofMinutes(30).toNanos()) {
                throw new IllegalStateException("Only " + sent + " of " + tickets + " SMS sent after 30 minutes");
            }
        }
        Duration sending = Duration.ofNanos(System.nanoTime() - sendStart);
        config.getJobExecutor().shutdown();
        int twilioCalls = TWILIO.countRequestsMatching(postRequestedFor(urlPathEqualTo(
                "/2010-04-01/Accounts/AC0123456789abcdef0123456789abcdef/Messages.json")).build()).getCount();

        long mailStart = System.nanoTime();
        ExecutorService senders = Executors.newFixedThreadPool(4);
        List<Future<?>> mails = new ArrayList<>();
        for (int i = 0; i < emails; i++) {
            OutreachMessage message = email(i);
            mails.add(senders.submit(() -> outreach.send(message)));
        }
        for (Future<?> mail : mails) {
            mail.get();
        }
        senders.shutdown();
        Duration mailing = Duration.ofNanos(System.nanoTime() - mailStart);
        int delivered = SMTP.getReceivedMessages().length;

        System.out.printf("""
                === OutreachBenchmark (embedded PostgreSQL %s) ===
                set-up:  %,d tickets loaded and %,d process instances started at the async SMS job in %.1f s
                SMS:     %,d sent in %.1f s = %.0f SMS/s (Twilio stub calls: %,d; per send: contact policy, outbox claim
                         and accept, Twilio SDK call to a local stub, contact + timeline, process on to the next step)
                email:   %,d emails (HTML + text, List-Unsubscribe) via OutreachPort to GreenMail in %.1f s = %.0f emails/s
                         (4 sending threads; GreenMail received %,d)
                engine:  %s
                """,
                jdbc.queryForObject("show server_version", String.class), tickets, tickets, setUp.toMillis() / 1000.0,
                sent, sending.toMillis() / 1000.0, sent / (sending.toMillis() / 1000.0), twilioCalls,
                emails, mailing.toMillis() / 1000.0, emails / (mailing.toMillis() / 1000.0), delivered,
                BenchmarkJobExecutor.Settings.describe(environment));
        if (twilioCalls != tickets || delivered != emails) {
            throw new IllegalStateException("Expected " + tickets + " Twilio calls and " + emails + " emails, got "
                    + twilioCalls + " and " + delivered);
        }
    }

    private static OutreachMessage email(int i) {
        return new OutreachMessage("T-MAIL-" + i + ":0:0:EMAIL", Channel.EMAIL, "email-friendly",
                new OutreachMessage.Debtor(1L, "Debtor " + i, "de", "DE", null, "debtor" + i + "@example.com", "Street " + i, false),
                new OutreachMessage.Debt("T-MAIL-" + i, new BigDecimal("300.00"), "EUR", 20, List.of(
                        new OutreachMessage.OverdueInvoice("INV-" + i, TODAY.minusDays(20), new BigDecimal("300.00")))));
    }

    /** Set-based inserts: a debtor in Sofia, one overdue invoice, a ticket and its one SMS step, per ticket. */
    private void loadTicketsAtTheirSmsStep(int tickets) {
        jdbc.update("""
                insert into customer (id, customer_id, name, phone, email, language, country, time_zone, address,
                                      risk_score, created_at, updated_at)
                select g, 'BC-' || g, 'Customer ' || g, '+3598881' || lpad(g::text, 5, '0'), 'c' || g || '@example.com',
                       'bg', 'BG', 'Europe/Sofia', 'Street ' || g, 50, now(), now()
                from generate_series(1, ?) g""", tickets);
        jdbc.update("""
                insert into contract (id, contract_id, customer_fk, product_type, created_at, updated_at)
                select g, 'BK-' || g, g, 'CONSUMER_LOAN', now(), now() from generate_series(1, ?) g""", tickets);
        jdbc.update("""
                insert into invoice (id, invoice_number, customer_fk, contract_fk, issue_date, due_date, amount,
                                     open_amount, currency, status, created_at, updated_at)
                select g, 'BI-' || g, g, g, cast(? as date) - 34, cast(? as date) - 20, 300.00, 300.00, 'EUR', 'OPEN', now(), now()
                from generate_series(1, ?) g""", TODAY, TODAY, tickets);
        jdbc.update("""
                insert into ticket (id, ticket_number, customer_fk, status, currency, overdue_amount, overdue_at_entry, max_dpd,
                                    bucket, product_type, segment, priority, plan_round, opened_on, created_at, updated_at)
                select g, 'T-B-' || lpad(g::text, 6, '0'), g, 'OPEN', 'EUR', 300.00, 300.00, 20, '1-30', 'CONSUMER_LOAN',
                       'STANDARD', 3, 1, cast(? as date) - 1, now(), now()
                from generate_series(1, ?) g""", TODAY, tickets);
        jdbc.update("insert into ticket_invoice (ticket_fk, invoice_fk) select g, g from generate_series(1, ?) g", tickets);
        jdbc.update("""
                insert into ticket_step (id, ticket_fk, plan_round, step_index, day_offset, channel, template_id, due_at)
                select g, g, 1, 0, 1, 'SMS', 'sms-reminder', ? from generate_series(1, ?) g""",
                java.sql.Timestamp.from(NOW), tickets);
        jdbc.execute("analyze");
    }
}
