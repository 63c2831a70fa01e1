package com.collectiondesk.outreach;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.collectiondesk.support.BareTicketProcess;
import com.collectiondesk.support.BareTimerDrain;
import com.collectiondesk.support.BaselineReport;
import com.collectiondesk.support.BaselineReport.Measured;
import com.collectiondesk.support.BenchmarkJobExecutor;
import com.collectiondesk.support.CpuMeter;
import com.collectiondesk.support.IntegrationTest;
import com.collectiondesk.support.PostgresInitializer;
import com.collectiondesk.ticket.TicketProcess;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import java.util.Map;
import java.util.function.LongSupplier;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/**
 * SMS and email steps per second when -Dbenchmark.tickets (default 10000) tickets reach their SMS step at once,
 * then -Dbenchmark.emails (default 2000) their email step: each ticket's process waits at the async send job;
 * the job executor (on embedded PostgreSQL) runs the contact policy, the outbox, the real Twilio SDK against a
 * local Twilio-compatible stub (or SMTP to GreenMail), and records the contact. Each next to its bare baselines,
 * measured in the same JVM and database right before and after: the bare engine running our shape from the
 * send job on ({@link BareTicketProcess}, no-op delegates) and a bare timer drain ({@link BareTimerDrain}).
 * Run: {@code ./mvnw -Pbenchmark verify -Dtest=OutreachBenchmark}.
 */
@IntegrationTest
@ContextConfiguration(initializers = PostgresInitializer.class)
@BenchmarkJobExecutor
@Import(BareTicketProcess.NoOpConfiguration.class)
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
    static final Duration PATIENCE = Duration.ofMinutes(30);
    static final String MESSAGES = "/2010-04-01/Accounts/AC0123456789abcdef0123456789abcdef/Messages.json";

    static {
        TWILIO.start();
        SMTP.start();
    }

    @Autowired JdbcTemplate jdbc;
    @Autowired ProcessEngine engine;
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
        TWILIO.stubFor(post(urlPathEqualTo(MESSAGES))
                .willReturn(aResponse().withStatus(201).withHeader("Content-Type", "application/json")
                        .withTransformers("response-template").withBody("{\"sid\": \"SM{{randomValue length=32 type='ALPHANUMERIC'}}\", \"status\": \"queued\"}")));
        ProcessEngineConfigurationImpl config = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
        JobExecutor jobs = config.getJobExecutor();
        jobs.shutdown();
        ClockUtil.setCurrentTime(Date.from(NOW));
        BareTicketProcess bare = BareTicketProcess.deploy(engine);
        BareTimerDrain timers = BareTimerDrain.deploy(engine);
        BaselineReport report = new BaselineReport("OutreachBenchmark (embedded PostgreSQL "
                + jdbc.queryForObject("show server_version", String.class) + ", " + tickets + " SMS, " + emails + " emails)",
                CpuMeter.of(jdbc));

        long setUpStart = System.nanoTime();
        loadTicketsAtTheirStep(jdbc, 1, tickets, "SMS", "sms-reminder");
        loadTicketsAtTheirStep(jdbc, tickets + 1, emails, "EMAIL", "email-friendly");
        Duration setUp = Duration.ofNanos(System.nanoTime() - setUpStart);

        Measured bareSmsBefore = bareSteps(report, bare, "SMS", tickets);
        Measured bareEmailBefore = bareSteps(report, bare, "EMAIL", emails);
        Measured timersBefore = timerDrain(report, timers, tickets);

        startOursAtTheirSend(engine, 1, tickets, "SMS");
        Measured sms = drain(report, "SMS steps", () -> sent("SMS"), tickets);
        int twilioCalls = TWILIO.countRequestsMatching(postRequestedFor(urlPathEqualTo(MESSAGES)).build()).getCount();
        startOursAtTheirSend(engine, tickets + 1, emails, "EMAIL");
        Measured mail = drain(report, "email steps", () -> sent("EMAIL"), emails);
        int delivered = SMTP.getReceivedMessages().length;

        Measured bareSmsAfter = bareSteps(report, bare, "SMS", tickets);
        Measured bareEmailAfter = bareSteps(report, bare, "EMAIL", emails);
        Measured timersAfter = timerDrain(report, timers, tickets);

        report.compare("SMS steps vs bare shape", bareSmsBefore, sms, bareSmsAfter);
        report.compare("SMS steps vs timer drain", timersBefore, sms, timersAfter);
        report.compare("email steps vs bare shape", bareEmailBefore, mail, bareEmailAfter);
        System.out.printf("""
                set-up: %,d SMS and %,d email tickets loaded by SQL in %.1f s; process instances started at the async send
                        job with the job executor stopped, then timed from its start to the last contact recorded
                        (per send: contact policy, outbox claim and accept, Twilio SDK to a local stub or SMTP to
                        GreenMail, contact + timeline); Twilio stub calls %,d, GreenMail received %,d
                """, tickets, emails, setUp.toMillis() / 1000.0, twilioCalls, delivered);
        report.print(BenchmarkJobExecutor.Settings.describe(environment) + ", history level " + config.getHistory());
        if (twilioCalls != tickets || delivered != emails) {
            throw new IllegalStateException("Expected " + tickets + " Twilio calls and " + emails + " emails, got "
                    + twilioCalls + " and " + delivered);
        }
    }

    private long sent(String channel) {
        return jdbc.queryForObject("select count(*) from contact_attempt where channel = ? and outcome = 'SENT'", Long.class, channel);
    }

    /** Our shape with no-op delegates, from the send job through its async continuation to the next step's timer. */
    private Measured bareSteps(BaselineReport report, BareTicketProcess bare, String channel, int count) throws Exception {
        bare.startAtSend(count, channel, NOW.plus(Duration.ofDays(1)));
        Measured measured = drain(report, "bare " + channel + " steps", bare::waitingForStep, count);
        bare.deleteAll();
        return measured;
    }

    private Measured timerDrain(BaselineReport report, BareTimerDrain timers, int count) throws Exception {
        timers.start(count, NOW.minusSeconds(60));
        return drain(report, "bare timers", () -> count - timers.remaining(), count);
    }

    /**
     * Starts the job executor and times until {@code done} reaches {@code count} and the continuations have run
     * out too (the step is over for every ticket, and nothing runs into the next measurement); stops it again.
     */
    private Measured drain(BaselineReport report, String label, LongSupplier done, long count) throws Exception {
        JobExecutor jobs = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getJobExecutor();
        Measured measured = report.measure(label, () -> {
            jobs.start();
            BaselineReport.await(label, done, count, PATIENCE);
            BaselineReport.await("jobs run out after " + label, () -> engine.getManagementService().createJobQuery()
                    .executable().count() == 0 ? 1 : 0, 1, PATIENCE);
            return count;
        });
        jobs.shutdown();
        return measured;
    }

    static void startOursAtTheirSend(ProcessEngine engine, int firstId, int count, String channel) {
        for (long id = firstId; id < firstId + count; id++) {
            engine.getRuntimeService().createProcessInstanceByKey(TicketProcess.KEY).businessKey(String.format("T-B-%06d", id))
                    .setVariables(Map.of(TicketProcess.STEP_INDEX, 0, TicketProcess.STEP_CHANNEL, channel,
                            TicketProcess.STRATEGY_OUTCOME, ""))
                    .startBeforeActivity(TicketProcess.SEND_OUTREACH).execute();
        }
    }

    /** Set-based inserts: a debtor in Sofia, one overdue invoice, a ticket and its one step, per ticket (ids from {@code first}). */
    static void loadTicketsAtTheirStep(JdbcTemplate jdbc, int first, int count, String channel, String template) {
        int last = first + count - 1;
        jdbc.update("""
                insert into customer (id, customer_id, name, phone, email, language, country, time_zone, address,
                                      risk_score, created_at, updated_at)
                select g, 'BC-' || g, 'Customer ' || g, '+3598881' || lpad(g::text, 5, '0'), 'c' || g || '@example.com',
                       'bg', 'BG', 'Europe/Sofia', 'Street ' || g, 50, now(), now()
                from generate_series(?, ?) g""", first, last);
        jdbc.update("""
                insert into contract (id, contract_id, customer_fk, product_type, created_at, updated_at)
                select g, 'BK-' || g, g, 'CONSUMER_LOAN', now(), now() from generate_series(?, ?) g""", first, last);
        jdbc.update("""
                insert into invoice (id, invoice_number, customer_fk, contract_fk, issue_date, due_date, amount,
                                     open_amount, currency, status, created_at, updated_at)
                select g, 'BI-' || g, g, g, cast(? as date) - 34, cast(? as date) - 20, 300.00, 300.00, 'EUR', 'OPEN', now(), now()
                from generate_series(?, ?) g""", TODAY, TODAY, first, last);
        jdbc.update("""
                insert into ticket (id, ticket_number, customer_fk, status, currency, overdue_amount, overdue_at_entry, max_dpd,
                                    bucket, product_type, segment, priority, plan_round, opened_on, created_at, updated_at)
                select g, 'T-B-' || lpad(g::text, 6, '0'), g, 'OPEN', 'EUR', 300.00, 300.00, 20, '1-30', 'CONSUMER_LOAN',
                       'STANDARD', 3, 1, cast(? as date) - 1, now(), now()
                from generate_series(?, ?) g""", TODAY, first, last);
        jdbc.update("insert into ticket_invoice (ticket_fk, invoice_fk) select g, g from generate_series(?, ?) g", first, last);
        jdbc.update("""
                insert into ticket_step (id, ticket_fk, plan_round, step_index, day_offset, channel, template_id, due_at)
                select g, g, 1, 0, 1, ?, ?, ? from generate_series(?, ?) g""",
                channel, template, java.sql.Timestamp.from(NOW), first, last);
        jdbc.execute("analyze");
    }
}
