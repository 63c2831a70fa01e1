package com.collectiondesk.outreach;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.collectiondesk.support.ServiceProcess;
import com.collectiondesk.support.TestUsers;
import com.collectiondesk.ticket.TicketProcess;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.ProcessEngine;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Service nodes as separate JVMs ({@link ServiceProcess}) on the test's PostgreSQL database, sending SMS through
 * the real Twilio SDK to a Twilio stub in the test's JVM; tickets are put at their SMS step by
 * {@link OutreachBenchmark#loadTicketsAtTheirStep} with their send jobs suspended until {@link #release}, so a
 * measurement starts when every node is ready. Each ticket's debtor has a number of their own, so the stub's
 * requests per number are the requests per send key (one SMS step per ticket).
 */
final class SmsNodeCluster {

    static final String MESSAGES = OutreachBenchmark.MESSAGES;
    private static final Pattern TO = Pattern.compile("(?:^|&)To=([^&]*)");
    private static final Pattern SID = Pattern.compile("\"sid\": \"(SM[A-Za-z0-9]+)\"");

    final WireMockServer twilio = new WireMockServer(wireMockConfig().bindAddress("127.0.0.1").dynamicPort()
            .containerThreads(32));
    private final String databaseUrl;
    private final ProcessEngine engine;
    private final JdbcTemplate jdbc;

    SmsNodeCluster(String databaseUrl, ProcessEngine engine, JdbcTemplate jdbc, int twilioDelayMillis) {
        this.databaseUrl = databaseUrl;
        this.engine = engine;
        this.jdbc = jdbc;
        twilio.start();
        twilio.stubFor(post(urlPathEqualTo(MESSAGES)).willReturn(aResponse().withStatus(201)
                .withFixedDelay(twilioDelayMillis).withHeader("Content-Type", "application/json")
                .withTransformers("response-template")
                .withBody("{\"sid\": \"SM{{randomValue length=32 type='ALPHANUMERIC'}}\", \"status\": \"queued\"}")));
    }

    /**
     * A node on the test's database with the benchmarks' job executor ({@code BenchmarkJobExecutor}), SMS through
     * Twilio to the stub at {@code smsPerSecond} (0: unpaced), contact hours all day (the nodes run on the real
     * clock), and {@code extra} settings.
     */
    ServiceProcess startNode(String name, double smsPerSecond, String... extra) {
        return startNode(name, List.of(), smsPerSecond, extra);
    }

    /** As above, with these JVM options. */
    ServiceProcess startNode(String name, List<String> jvmOptions, double smsPerSecond, String... extra) {
        List<String> arguments = new ArrayList<>(List.of(
                "--server.port=0",
                "--spring.datasource.url=" + databaseUrl,
                "--spring.datasource.username=postgres",
                "--spring.datasource.password=",
                "--spring.datasource.hikari.maximum-pool-size=12",
                "--collection.admin.password=" + TestUsers.ADMIN_PASSWORD,
                "--camunda.bpm.job-execution.enabled=true",
                "--camunda.bpm.job-execution.core-pool-size=4",
                "--camunda.bpm.job-execution.max-pool-size=4",
                "--camunda.bpm.job-execution.queue-capacity=20",
                "--camunda.bpm.job-execution.max-jobs-per-acquisition=20",
                "--camunda.bpm.job-execution.wait-time-in-millis=200",
                "--collection.outreach.sms.transport=twilio",
                "--collection.twilio.account-sid=AC0123456789abcdef0123456789abcdef",
                "--collection.twilio.auth-token=benchmark-token",
                "--collection.twilio.from=+15005550006",
                "--collection.twilio.api-base-url=" + twilio.baseUrl(),
                "--collection.outreach.pacing.sms-per-second=" + smsPerSecond,
                "--collection.contact-policy.quiet-hours.start=00:00",
                "--collection.contact-policy.quiet-hours.end=23:59:59.999999999",
                "--collection.contact-policy.quiet-hours.end-inclusive=true"));
        arguments.addAll(List.of(extra));
        return ServiceProcess.start(name, jvmOptions, arguments);
    }

    static String nodeSettings() {
        return "per node: job executor core/max pool 4/4, queue 20, max jobs per acquisition 20, wait 200 ms, hikari max pool 12, -Xmx768m";
    }

    /**
     * Tickets {@code first}…{@code first + count - 1} at their SMS step, their send jobs created suspended (the
     * ticket process's job definitions are suspended first; {@link #release} activates them).
     */
    void ticketsAtTheirSmsStep(int first, int count) {
        engine.getManagementService().updateJobDefinitionSuspensionState().byProcessDefinitionKey(TicketProcess.KEY)
                .includeJobs(true).suspend();
        OutreachBenchmark.loadTicketsAtTheirStep(jdbc, first, count, "SMS", "sms-reminder");
        OutreachBenchmark.startOursAtTheirSend(engine, first, count, "SMS");
    }

    /** Lets the job executors of the nodes take the suspended send jobs. */
    void release() {
        engine.getManagementService().updateJobDefinitionSuspensionState().byProcessDefinitionKey(TicketProcess.KEY)
                .includeJobs(true).activate();
    }

    long smsSent() {
        return jdbc.queryForObject("select count(*) from contact_attempt where channel = 'SMS' and outcome = 'SENT'", Long.class);
    }

    /** Jobs of the ticket process still to run (due or waiting for their sender's slot), incidents not counted. */
    long jobsToRun() {
        return engine.getManagementService().createJobQuery().processDefinitionKey(TicketProcess.KEY).withRetriesLeft()
                .active().list().stream().filter(job -> job.getDuedate() == null
                        || job.getDuedate().getTime() < System.currentTimeMillis() + 3_600_000L).count();
    }

    /** What the Twilio stub received: per recipient, the SIDs it answered with (one per request). */
    Map<String, List<String>> stubRequestsByRecipient() {
        Map<String, List<String>> byRecipient = new HashMap<>();
        for (ServeEvent event : twilio.getAllServeEvents()) {
            Matcher to = TO.matcher(event.getRequest().getBodyAsString());
            if (to.find()) {
                Matcher sid = SID.matcher(Optional.ofNullable(event.getResponse().getBodyAsString()).orElse(""));
                byRecipient.computeIfAbsent(URLDecoder.decode(to.group(1), StandardCharsets.UTF_8), k -> new ArrayList<>())
                        .add(sid.find() ? sid.group(1) : null);
            }
        }
        return byRecipient;
    }

    /** One row per ticket of the run: its debtor's number, its send's key and outbox status, its SMS contacts. */
    record TicketSend(String ticketNumber, String phone, String sendKey, String status, int smsContacts) {
    }

    List<TicketSend> ticketSends(int first, int count) {
        return jdbc.query("""
                select t.ticket_number, c.phone, s.send_key, s.status,
                       (select count(*) from contact_attempt a where a.ticket_fk = t.id and a.channel = 'SMS' and a.outcome = 'SENT')
                from ticket t join customer c on c.id = t.customer_fk
                left join outreach_send s on s.ticket_number = t.ticket_number and s.channel = 'SMS'
                where t.id between ? and ? order by t.id""",
                (row, i) -> new TicketSend(row.getString(1), row.getString(2), row.getString(3), row.getString(4), row.getInt(5)),
                first, first + count - 1);
    }

    void stop() {
        twilio.stop();
    }
}
