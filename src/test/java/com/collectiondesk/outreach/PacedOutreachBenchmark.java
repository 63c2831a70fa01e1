package com.collectiondesk.outreach;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.collectiondesk.support.BenchmarkJobExecutor;
import com.collectiondesk.support.IntegrationTest;
import com.collectiondesk.support.PostgresInitializer;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.time.Instant;
import java.util.List;
import java.util.function.LongSupplier;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
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
 * -Dbenchmark.tickets (default 1000) SMS steps due at once, paced at -Dbenchmark.smsPerSecond (default 20) for the
 * one sending number: how fast they reach the outbox (every send claimed, queued for its slot), then how fast they
 * leave to the local Twilio stub (the stub's own arrival times), the busiest second, and that none left twice. The
 * engine's clock runs in real time from 10:00 in Sofia. Run: {@code ./mvnw -Pbenchmark verify -Dtest=PacedOutreachBenchmark}.
 */
@IntegrationTest
@ContextConfiguration(initializers = PostgresInitializer.class)
@BenchmarkJobExecutor
@TestPropertySource(properties = {
        "collection.outreach.sms.transport=twilio",
        "collection.twilio.account-sid=AC0123456789abcdef0123456789abcdef",
        "collection.twilio.auth-token=benchmark-token",
        "collection.twilio.from=+15005550006"})
class PacedOutreachBenchmark {

    static final WireMockServer TWILIO = new WireMockServer(wireMockConfig().bindAddress("127.0.0.1").dynamicPort()
            .containerThreads(16));

    static {
        TWILIO.start();
    }

    @Autowired JdbcTemplate jdbc;
    @Autowired ProcessEngine engine;
    @Autowired Environment environment;

    @DynamicPropertySource
    static void stubAndPace(DynamicPropertyRegistry properties) {
        properties.add("collection.twilio.api-base-url", TWILIO::baseUrl);
        properties.add("collection.outreach.pacing.sms-per-second", () -> System.getProperty("benchmark.smsPerSecond", "20"));
    }

    @AfterAll
    static void stop() {
        ClockUtil.reset();
        TWILIO.stop();
    }

    @Test
    void smsLeaveAtTheConfiguredRate() throws Exception {
        int tickets = Integer.getInteger("benchmark.tickets", 1_000);
        double rate = Double.parseDouble(System.getProperty("benchmark.smsPerSecond", "20"));
        TWILIO.stubFor(post(urlPathEqualTo(OutreachBenchmark.MESSAGES))
                .willReturn(aResponse().withStatus(201).withHeader("Content-Type", "application/json")
                        .withTransformers("response-template").withBody("{\"sid\": \"SM{{randomValue length=32 type='ALPHANUMERIC'}}\", \"status\": \"queued\"}")));
        JobExecutor jobs = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getJobExecutor();
        jobs.shutdown();
        OutreachBenchmark.loadTicketsAtTheirStep(jdbc, 1, tickets, "SMS", "sms-reminder");
        // the engine's clock moves with the wall clock from a weekday morning, inside contact hours
        ClockUtil.offset(OutreachBenchmark.NOW.toEpochMilli() - System.currentTimeMillis());
        OutreachBenchmark.startOursAtTheirSend(engine, 1, tickets, "SMS");

        long start = System.nanoTime();
        jobs.start();
        double reachedSeconds = await(() -> count("select count(*) from outreach_send"), tickets, start);
        double sentSeconds = await(() -> count("select count(*) from contact_attempt where outcome = 'SENT'"), tickets, start);
        jobs.shutdown();

        List<Instant> arrivals = TWILIO.getAllServeEvents().stream().map(ServeEvent::getRequest)
                .map(request -> request.getLoggedDate().toInstant()).sorted().toList();
        long distinctRecipients = TWILIO.getAllServeEvents().stream().map(event -> event.getRequest().getBodyAsString())
                .map(body -> body.replaceAll(".*To=([^&]*).*", "$1")).distinct().count();
        double spanSeconds = (arrivals.get(arrivals.size() - 1).toEpochMilli() - arrivals.get(0).toEpochMilli()) / 1000.0;
        double leftPerSecond = (arrivals.size() - 1) / spanSeconds;
        int busiestSecond = busiestSecond(arrivals);
        long retried = count("select count(*) from outreach_send where tries <> 1 or status <> 'ACCEPTED'");
        System.out.printf("""
                === PacedOutreachBenchmark (embedded PostgreSQL %s, %,d SMS due at once, %.1f SMS/s for the one number) ===
                reached the outbox (claimed, queued for their slots): %,d in %.1f s = %.0f /s
                left to the Twilio stub: %,d requests over %.1f s = %.2f /s (configured %.2f, %+.1f %%); busiest second %d
                none twice: %,d requests, %,d distinct recipients, %,d outbox rows not accepted after exactly one try
                all sent %.1f s after the job executor started; %s; load average now %.1f
                """, jdbc.queryForObject("show server_version", String.class), tickets, rate, tickets, reachedSeconds,
                tickets / reachedSeconds, arrivals.size(), spanSeconds, leftPerSecond, rate, 100 * (leftPerSecond / rate - 1),
                busiestSecond, arrivals.size(), distinctRecipients, retried, sentSeconds,
                BenchmarkJobExecutor.Settings.describe(environment),
                java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        if (arrivals.size() != tickets || distinctRecipients != tickets || retried != 0) {
            throw new IllegalStateException("Expected " + tickets + " sends, each once; got " + arrivals.size()
                    + " requests to " + distinctRecipients + " recipients, " + retried + " rows retried or not accepted");
        }
        if (leftPerSecond > rate * 1.05) {
            throw new IllegalStateException("Sent faster than the configured " + rate + "/s: " + leftPerSecond + "/s");
        }
    }

    /** The most requests the stub received within any one second (sliding). */
    private static int busiestSecond(List<Instant> arrivals) {
        int busiest = 0;
        for (int first = 0, last = 0; last < arrivals.size(); last++) {
            while (arrivals.get(last).toEpochMilli() - arrivals.get(first).toEpochMilli() >= 1000) {
                first++;
            }
            busiest = Math.max(busiest, last - first + 1);
        }
        return busiest;
    }

    private long count(String sql) {
        return jdbc.queryForObject(sql, Long.class);
    }

    private static double await(LongSupplier done, long count, long startNanos) throws InterruptedException {
        long deadline = startNanos + java.time.Duration.ofMinutes(30).toNanos();
        while (done.getAsLong() < count) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("Only " + done.getAsLong() + " of " + count + " after 30 minutes");
            }
            Thread.sleep(50);
        }
        return (System.nanoTime() - startNanos) / 1e9;
    }
}
