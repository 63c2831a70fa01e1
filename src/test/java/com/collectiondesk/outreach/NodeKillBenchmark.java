package com.collectiondesk.outreach;

import com.collectiondesk.security.Groups;
import com.collectiondesk.support.BaselineReport;
import com.collectiondesk.support.IntegrationTest;
import com.collectiondesk.support.PostgresInitializer;
import com.collectiondesk.support.ServiceProcess;
import com.collectiondesk.support.TestUsers;
import com.collectiondesk.ticket.TicketProcess;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Incident;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ContextConfiguration;

/**
 * The fault test of two nodes: -Dfault.tickets (default 200; the size is 10000) tickets at their SMS step,
 * drained by two service nodes (separate JVMs) on one embedded PostgreSQL, paced at -Dfault.smsPerSecond for the one
 * number (default: the tickets spread over about 40 s per kill) so sends are under way at every kill; meanwhile one of
 * the nodes, chosen at random, is killed with {@code kill -9} at a random moment -Dfault.kills times (default 5; the
 * issue's 50) and started again. At the end every ticket has reached the Twilio stub exactly once and has its SMS
 * recorded, or its send is in doubt (SENDING, the job an incident naming the key) and reached the stub at most once;
 * anything else fails the test. Then a manager settles each send in doubt from the stub's log (the provider's message
 * log) through {@code /api/outreach/sends/{key}/settlement} and retries its incident, and every ticket ends with its
 * one SMS. Prints both counts. In the benchmark profile: every restart of a node takes half a minute or more here, so
 * even the small version runs for minutes.
 * Run: {@code ./mvnw -Pbenchmark verify -Dtest=NodeKillBenchmark -Dfault.tickets=10000 -Dfault.kills=50}.
 */
@IntegrationTest
@ContextConfiguration(initializers = PostgresInitializer.class)
class NodeKillBenchmark {

    static final Duration PATIENCE = Duration.ofMinutes(60);
    static final String MANAGER = "fault-manager";
    /** Restarts are what this test waits for most: the client compiler alone and a serial collector start quicker. */
    static final List<String> QUICK_START = List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC");

    @Autowired JdbcTemplate jdbc;
    @Autowired ProcessEngine engine;
    @Autowired IdentityService identity;
    @Autowired TestRestTemplate http;
    @Value("${spring.datasource.url}") String databaseUrl;

    @Test
    void everyTicketGetsItsSmsOnceOrEndsInDoubtWhileNodesAreKilled() throws Exception {
        int tickets = Integer.getInteger("fault.tickets", 200);
        int kills = Integer.getInteger("fault.kills", 5);
        double rate = Double.parseDouble(System.getProperty("fault.smsPerSecond",
                String.valueOf(Math.max(0.5, tickets / (kills * 40.0)))));
        Random random = new Random(Long.getLong("fault.seed", System.nanoTime()));
        TestUsers.ensure(identity, MANAGER, Groups.MANAGERS);
        // answers take a while (-Dfault.twilioDelayMillis), so some kills fall between a request and our commit of its answer
        SmsNodeCluster cluster = new SmsNodeCluster(databaseUrl, engine, jdbc, Integer.getInteger("fault.twilioDelayMillis", 1500));
        cluster.ticketsAtTheirSmsStep(1, tickets);
        String[] failover = {
                // a dead node's jobs are free for the other after the lock time (default 5 minutes)
                "--camunda.bpm.job-execution.lock-time-in-millis=20000",
                // a send in doubt becomes an incident quickly, as it would after the production cycle
                "--collection.outreach.retry-cycle=PT1S,PT1S"};
        List<ServiceProcess> nodes = new ArrayList<>(List.of(cluster.startNode("node-kill-1", QUICK_START, rate, failover),
                cluster.startNode("node-kill-2", QUICK_START, rate, failover)));
        long start = System.nanoTime();
        int killsDuringDrain = 0;
        try {
            cluster.release();
            for (int kill = 0; kill < kills; kill++) {
                Thread.sleep(500 + random.nextInt(4_500));
                if (!drained(cluster, tickets)) {
                    killsDuringDrain++;
                }
                ServiceProcess victim = nodes.get(random.nextInt(nodes.size()));
                victim.kill();
                victim.restart();
            }
            BaselineReport.await("tickets sent or in doubt", () -> drained(cluster, tickets) ? 1 : 0, 1, PATIENCE);
            nodes.get(1).stop();
            double drainSeconds = (System.nanoTime() - start) / 1e9;
            checkAndSettle(cluster, tickets, kills, killsDuringDrain, rate, drainSeconds);
        } finally {
            nodes.forEach(ServiceProcess::stop);
            cluster.stop();
        }
    }

    /** The counts after the kills, then the settlements by a manager, with the first node still running. */
    private void checkAndSettle(SmsNodeCluster cluster, int tickets, int kills, int killsDuringDrain, double rate,
                                double drainSeconds) throws Exception {
        Map<String, List<String>> requests = cluster.stubRequestsByRecipient();
        List<SmsNodeCluster.TicketSend> sends = cluster.ticketSends(1, tickets);
        List<SmsNodeCluster.TicketSend> inDoubt = sends.stream().filter(send -> "SENDING".equals(send.status())).toList();
        long once = sends.stream().filter(send -> requests.getOrDefault(send.phone(), List.of()).size() == 1
                && send.smsContacts() == 1 && "ACCEPTED".equals(send.status())).count();
        List<String> wrong = sends.stream().filter(send -> !"SENDING".equals(send.status()))
                .filter(send -> requests.getOrDefault(send.phone(), List.of()).size() != 1 || send.smsContacts() != 1)
                .map(send -> send.ticketNumber() + " (" + requests.getOrDefault(send.phone(), List.of()).size()
                        + " requests, outbox " + send.status() + ")").toList();
        long twice = sends.stream().filter(send -> requests.getOrDefault(send.phone(), List.of()).size() > 1).count();
        System.out.printf("""
                === NodeKillBenchmark (two nodes, embedded PostgreSQL %s, %,d tickets at their SMS step, %.2f SMS/s) ===
                kill -9 of a random node: %d times (%d while sends were still pending), each node started again at once
                sent exactly once: %,d; in doubt (SENDING, incident, for a manager): %,d (of them %d had reached the stub)
                reached the stub twice or more: %d; neither sent once nor in doubt: %d %s
                drained in %.0f s; load average now %.1f; %s; job lock time 20 s
                """, jdbc.queryForObject("show server_version", String.class), tickets, rate, kills, killsDuringDrain,
                once, inDoubt.size(), inDoubt.stream().filter(send -> requests.containsKey(send.phone())).count(),
                twice, wrong.size(), wrong.stream().limit(10).toList(), drainSeconds, BaselineReport.loadAverage(),
                SmsNodeCluster.nodeSettings());
        if (twice > 0 || !wrong.isEmpty() || once + inDoubt.size() != tickets) {
            throw new IllegalStateException("Every ticket must be sent exactly once or be in doubt: " + twice
                    + " reached the stub more than once, " + wrong.size() + " neither sent once nor in doubt " + wrong);
        }

        settleFromTheProvidersLog(cluster, inDoubt, requests, tickets);
        Map<String, List<String>> settledRequests = cluster.stubRequestsByRecipient();
        List<SmsNodeCluster.TicketSend> settled = cluster.ticketSends(1, tickets);
        long notOnce = settled.stream().filter(send -> settledRequests.getOrDefault(send.phone(), List.of()).size() != 1
                || send.smsContacts() != 1 || !"ACCEPTED".equals(send.status())).count();
        System.out.printf("after a manager settled the %d in doubt and retried their incidents: %,d of %,d tickets sent"
                + " exactly once, %d not%n", inDoubt.size(), tickets - notOnce, tickets, notOnce);
        if (notOnce > 0) {
            throw new IllegalStateException(notOnce + " tickets not sent exactly once after the settlements");
        }
    }

    /** Every ticket has its SMS recorded or its send job is an incident, and no job of theirs is left to run. */
    private boolean drained(SmsNodeCluster cluster, int tickets) {
        long incidents = engine.getRuntimeService().createIncidentQuery().activityId(TicketProcess.SEND_OUTREACH).count();
        return cluster.smsSent() + incidents >= tickets && cluster.jobsToRun() == 0;
    }

    /**
     * What a manager does (docs/outreach.md, "Exactly once"): looks each send in doubt up in the provider's log,
     * settles it as SENT with the provider's id or NOT_SENT, and retries its incident; the node still running finishes them.
     */
    private void settleFromTheProvidersLog(SmsNodeCluster cluster, List<SmsNodeCluster.TicketSend> inDoubt,
                                           Map<String, List<String>> providersLog, int tickets)
            throws Exception {
        if (inDoubt.isEmpty()) {
            return;
        }
        for (SmsNodeCluster.TicketSend send : inDoubt) {
            List<String> sids = providersLog.getOrDefault(send.phone(), List.of());
            Map<String, String> settlement = sids.isEmpty() ? Map.of("outcome", "NOT_SENT")
                    : Map.of("outcome", "SENT", "providerId", sids.get(0));
            var answer = http.withBasicAuth(MANAGER, TestUsers.PASSWORD)
                    .postForEntity("/api/outreach/sends/" + send.sendKey() + "/settlement", settlement, String.class);
            if (!answer.getStatusCode().is2xxSuccessful()) {
                throw new IllegalStateException("Settling " + send.sendKey() + " answered " + answer.getStatusCode()
                        + ": " + answer.getBody());
            }
        }
        ManagementService management = engine.getManagementService();
        for (Incident incident : engine.getRuntimeService().createIncidentQuery().activityId(TicketProcess.SEND_OUTREACH).list()) {
            management.setJobRetries(incident.getConfiguration(), 1);
        }
        BaselineReport.await("settled sends recorded", cluster::smsSent, tickets, PATIENCE);
        BaselineReport.await("jobs run out after the settlements", () -> cluster.jobsToRun() == 0 ? 1 : 0, 1, PATIENCE);
    }
}
