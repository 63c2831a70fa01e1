package com.collectiondesk.metrics;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;

import com.collectiondesk.ledger.Customer;
import com.collectiondesk.outreach.ChannelTestBase;
import com.collectiondesk.scan.ScanProcess;
import com.collectiondesk.security.Groups;
import com.collectiondesk.support.TestUsers;
import com.collectiondesk.ticket.Ticket;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.function.Predicate;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import java.util.List;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * {@code /actuator/prometheus} as an operator's Prometheus scrapes it: refused without credentials and to a
 * collector, and for the monitoring group every meter README names, each moving when a CSV import, a scan and a
 * ticket's SMS step (refused in quiet hours, failing at Twilio, then retried and sent) happen.
 */
class OperatorMetricsTest extends ChannelTestBase {

    static final String MONITOR = "mona.monitor";
    static final String COLLECTOR = "carl.collector";

    static final Duration GAUGE_AGE = Duration.ofMillis(1_100);

    @Autowired TestRestTemplate http;
    private long lastScrape = System.nanoTime() - GAUGE_AGE.toNanos();

    @BeforeEach
    void users() {
        TestUsers.ensure(engine.getIdentityService(), MONITOR, Groups.MONITORING);
        TestUsers.ensure(engine.getIdentityService(), COLLECTOR, Groups.COLLECTORS);
    }

    @Test
    void withoutValidCredentialsMetricsAreRefusedWith401() {
        for (TestRestTemplate caller : new TestRestTemplate[] {http, http.withBasicAuth(MONITOR, "wrong-password")}) {
            ResponseEntity<String> answer = caller.getForEntity("/actuator/prometheus", String.class);

            assertThat(answer.getStatusCode().value()).isEqualTo(401);
            assertThat(answer.getHeaders().getContentType().toString()).startsWith("application/problem+json");
            assertThat(answer.getHeaders().getFirst("WWW-Authenticate")).startsWith("Basic realm=\"Collection Desk\"");
            assertThat(answer.getBody()).contains("\"status\":401", "HTTP Basic credentials")
                    .doesNotContain("camunda_jobs", "collection_tickets_open", "jvm_");
        }
    }

    @Test
    void aCollectorIsRefusedWith403() {
        ResponseEntity<String> answer = http.withBasicAuth(COLLECTOR, TestUsers.PASSWORD).getForEntity("/actuator/prometheus", String.class);

        assertThat(answer.getStatusCode().value()).isEqualTo(403);
        assertThat(answer.getHeaders().getContentType().toString()).startsWith("application/problem+json");
        assertThat(answer.getBody()).contains("\"status\":403", "Metrics are reserved to the groups managers, monitoring.")
                .doesNotContain("camunda_jobs", "collection_tickets_open", "jvm_");
    }

    @Test
    void theHealthProbesStayOpenForTheOrchestrator() {
        ResponseEntity<String> answer = http.getForEntity("/actuator/health/readiness", String.class);

        assertThat(answer.getStatusCode().value()).isEqualTo(200);
        assertThat(answer.getBody()).contains("UP");
    }

    @Test
    void anOperatorSeesEveryMeterMoveThroughAnImportAScanAndAnSmsStep() throws Exception {
        ManagementService management = engine.getManagementService();
        PrometheusScrape before = scrape();

        // import: one good row, one refused
        importCustomers("customer_id,name,phone,email,language,country,time_zone,address\n"
                + "MX-1,Metric Person,+359888000001,mx1@example.com,en,BG,Europe/Sofia,Street 1\n"
                + "MX-2,No Language,+359888000002,mx2@example.com,,BG,Europe/Sofia,Street 2\n");
        PrometheusScrape imported = scrape();
        assertMoved(before, imported, "collection_import_rows_total", 1, "kind", "CUSTOMERS", "result", "accepted");
        assertMoved(before, imported, "collection_import_rows_total", 1, "kind", "CUSTOMERS", "result", "rejected");
        assertMoved(before, imported, "http_server_requests_seconds_count", 1, "uri", "/api/imports/{kind}");

        // scan: requested, its job due; run by hand, it opens the debtor's ticket
        Customer debtor = standardDebtor("Ivana Petrova", "bg", "BG", "Europe/Sofia", "+359888123456");
        assertThat(asAdmin().postForEntity("/api/scans", null, String.class).getStatusCode().value()).isEqualTo(202);
        PrometheusScrape requested = scrape();
        assertMoved(imported, requested, "camunda_jobs_due", 1);
        // the scan's job, then the job that starts the processes of the tickets it opened
        for (List<Job> scanJobs = scanJobs(); !scanJobs.isEmpty(); scanJobs = scanJobs()) {
            scanJobs.forEach(scanJob -> management.executeJob(scanJob.getId()));
        }
        ProcessInstance instance = instanceOf(debtor);
        runAsyncJobs(instance);
        PrometheusScrape scanned = scrape();
        // scan, its batch of process starts, ERP sync, ERP "opened" and its continuation
        assertMoved(requested, scanned, "camunda_jobs_executed_total", 5);
        assertMoved(requested, scanned, "collection_scan_duration_seconds_count", 1);
        assertMoved(requested, scanned, "collection_scan_customers_total", 1, "result", "opened");
        assertMoved(requested, scanned, "collection_tickets_open", 1, "status", "OPEN");

        // the SMS step's timer, left waiting until 22:00 in Sofia: it lags, and quiet hours postpone the SMS
        Job stepTimer = job(instance);
        Instant tenAtNight = stepTimer.getDuedate().toInstant().plus(Duration.ofHours(13));
        ClockUtil.setCurrentTime(Date.from(tenAtNight));
        PrometheusScrape late = scrape();
        assertThat(late.value("camunda_timer_lag_seconds")).as("timer lag").isGreaterThanOrEqualTo(13 * 3600)
                .isGreaterThan(scanned.value("camunda_timer_lag_seconds"));
        management.executeJob(stepTimer.getId());
        PrometheusScrape postponed = scrape();
        assertMoved(late, postponed, "collection_contact_refusals_total", 1,
                "channel", "SMS", "verdict", "POSTPONED", "rule", "contact hours");

        // in the morning Twilio answers 500: the send fails, stays in the outbox, and out of retries is an incident
        TWILIO.resetAll();
        TWILIO.stubFor(post(urlPathEqualTo(MESSAGES_PATH)).willReturn(aResponse().withStatus(500)));
        fireTimer(instance);
        Job send = job(instance);
        assertThatThrownBy(() -> management.executeJob(send.getId())).hasMessageContaining("Twilio did not accept");
        PrometheusScrape failed = scrape();
        assertMoved(postponed, failed, "camunda_jobs_failed_total", 1);
        assertMoved(postponed, failed, "collection_outreach_sends_total", 1, "channel", "SMS", "sender", "twilio", "outcome", "FAILED");
        assertMoved(postponed, failed, "collection_outreach_outbox_backlog", 1, "channel", "SMS", "status", "FAILED");
        management.setJobRetries(send.getId(), 1);
        assertThatThrownBy(() -> management.executeJob(send.getId())).hasMessageContaining("Twilio did not accept");
        PrometheusScrape incident = scrapeUntil(s -> s.value("camunda_incidents", "activity", "send-outreach")
                > failed.value("camunda_incidents", "activity", "send-outreach"));
        assertMoved(failed, incident, "camunda_incidents_open", 1);

        // Twilio is back and the operator retries the job: the SMS leaves, the backlog and the incident go
        resetStubs();
        management.setJobRetries(send.getId(), 1);
        management.executeJob(send.getId());
        PrometheusScrape sent = scrapeUntil(s -> s.value("camunda_incidents", "activity", "send-outreach")
                < incident.value("camunda_incidents", "activity", "send-outreach"));
        assertMoved(incident, sent, "collection_outreach_sends_total", 1, "channel", "SMS", "outcome", "ACCEPTED");
        assertMoved(incident, sent, "camunda_jobs_executed_total", 1);
        assertThat(sent.value("collection_outreach_outbox_backlog", "channel", "SMS", "status", "FAILED"))
                .as("the sent SMS left the backlog").isLessThan(incident.value("collection_outreach_outbox_backlog",
                        "channel", "SMS", "status", "FAILED"));
        assertThat(sent.value("camunda_incidents", "activity", "send-outreach"))
                .isLessThan(incident.value("camunda_incidents", "activity", "send-outreach"));
        // jobs run by hand here: the job executor's acquisition meters are exposed, moved only by a running executor
        assertThat(sent.has("camunda_jobs_acquired_total")).isTrue();
        assertThat(sent.has("camunda_jobs_rejected_total")).isTrue();
        assertThat(sent.has("http_server_requests_seconds_bucket")).as("latency histogram").isTrue();
    }

    private ProcessInstance instanceOf(Customer debtor) {
        Ticket ticket = tickets.findAll().stream().filter(t -> t.getCustomerPk().equals(debtor.getId()) && !t.isClosed())
                .findFirst().orElseThrow();
        return engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(ticket.getTicketNumber())
                .singleResult();
    }

    private void importCustomers(String csv) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.parseMediaType("text/csv"));
        ResponseEntity<String> answer = asAdmin().exchange("/api/imports/customers", HttpMethod.POST,
                new HttpEntity<>(csv, headers), String.class);
        assertThat(answer.getStatusCode().value()).as(answer.getBody()).isEqualTo(200);
    }

    private TestRestTemplate asAdmin() {
        return http.withBasicAuth(TestUsers.ADMIN, TestUsers.ADMIN_PASSWORD);
    }

    /** Gauges read the database at most once a second (one read shared by a scrape's gauges): scrapes stay 1 s apart. */
    private PrometheusScrape scrape() throws InterruptedException {
        long sinceLast = System.nanoTime() - lastScrape;
        if (sinceLast < GAUGE_AGE.toNanos()) {
            Thread.sleep((GAUGE_AGE.toNanos() - sinceLast) / 1_000_000 + 1);
        }
        ResponseEntity<String> answer = http.withBasicAuth(MONITOR, TestUsers.PASSWORD).getForEntity("/actuator/prometheus", String.class);
        lastScrape = System.nanoTime(); // the gauges were read during the request, so the next read counts from its end
        assertThat(answer.getStatusCode().value()).isEqualTo(200);
        return PrometheusScrape.of(answer.getBody());
    }

    /** Gauges per activity appear at the scrape after the one that found them. */
    private PrometheusScrape scrapeUntil(Predicate<PrometheusScrape> moved) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        PrometheusScrape scrape = scrape();
        while (!moved.test(scrape) && System.nanoTime() < deadline) {
            scrape = scrape();
        }
        return scrape;
    }

    private static void assertMoved(PrometheusScrape before, PrometheusScrape after, String name, double atLeast, String... labels) {
        assertThat(after.has(name)).as(name + " is exposed").isTrue();
        assertThat(after.value(name, labels) - before.value(name, labels)).as(name + " " + String.join(",", labels))
                .isGreaterThanOrEqualTo(atLeast);
    }

    private List<Job> scanJobs() {
        return engine.getManagementService().createJobQuery().processDefinitionKey(ScanProcess.KEY).messages().withRetriesLeft().list();
    }
}
