package com.collectiondesk.outreach;

import com.collectiondesk.support.BaselineReport;
import com.collectiondesk.support.CpuMeter;
import com.collectiondesk.support.IntegrationTest;
import com.collectiondesk.support.PostgresInitializer;
import com.collectiondesk.support.ServiceProcess;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ContextConfiguration;

/**
 * Two service nodes against one on one embedded PostgreSQL: -Dbenchmark.tickets (default 10000) tickets at their
 * SMS step, drained by one node (separate JVM), then by two, then by one again (the baseline before and after),
 * each run on tickets of its own; unpaced sends through the Twilio SDK to a stub in this JVM. Per run: SMS per
 * second from the moment the send jobs are released (every node ready) to the last SMS recorded, CPU per SMS of the
 * nodes and of PostgreSQL, and PostgreSQL's share; at the end, that every ticket reached the stub exactly once.
 * This JVM only loads the tickets, hosts the stub and counts (its engine runs no jobs).
 * Run: {@code ./mvnw -Pbenchmark verify -Dtest=TwoNodesBenchmark -Dbenchmark.tickets=1000}.
 */
@IntegrationTest
@ContextConfiguration(initializers = PostgresInitializer.class)
class TwoNodesBenchmark {

    static final Duration PATIENCE = Duration.ofMinutes(30);

    @Autowired JdbcTemplate jdbc;
    @Autowired ProcessEngine engine;
    @Value("${spring.datasource.url}") String databaseUrl;

    /** One run: the nodes that drained it, its SMS, wall time, and CPU of the nodes and of PostgreSQL. */
    record Run(String label, int nodes, int sms, Duration wall, long nodesCpuNanos, long postgresCpuNanos, double load) {

        double perSecond() {
            return sms / (wall.toNanos() / 1e9);
        }

        String line() {
            double cpuMs = (nodesCpuNanos + postgresCpuNanos) / 1e6;
            return String.format("%-22s | %5d | %6d | %7.1f s | %8.1f | %7.2f | %6.2f / %6.2f | %5.1f %% | %5.2f",
                    label, nodes, sms, wall.toMillis() / 1000.0, perSecond(), cpuMs / sms, nodesCpuNanos / 1e6 / sms,
                    postgresCpuNanos / 1e6 / sms, 100.0 * postgresCpuNanos / (nodesCpuNanos + postgresCpuNanos), load);
        }
    }

    @Test
    void twoNodesDrainSmsStepsFasterThanOneAndSendEachOnce() throws Exception {
        int tickets = Integer.getInteger("benchmark.tickets", 10_000);
        SmsNodeCluster cluster = new SmsNodeCluster(databaseUrl, engine, jdbc, 0);
        CpuMeter postgres = CpuMeter.of(jdbc);
        List<Run> runs = new ArrayList<>();
        ServiceProcess first = cluster.startNode("two-nodes-benchmark-1", 0);
        ServiceProcess second = null;
        try {
            runs.add(drain(cluster, postgres, "one node (before)", List.of(first), 1, tickets));
            cluster.ticketsAtTheirSmsStep(tickets + 1, tickets);
            second = cluster.startNode("two-nodes-benchmark-2", 0);
            runs.add(drainLoaded(cluster, postgres, "two nodes", List.of(first, second), tickets, tickets));
            second.stop();
            runs.add(drain(cluster, postgres, "one node (after)", List.of(first), 2 * tickets + 1, tickets));
        } finally {
            first.stop();
            if (second != null) {
                second.stop();
            }
        }

        Map<String, List<String>> requests = cluster.stubRequestsByRecipient();
        List<SmsNodeCluster.TicketSend> sends = cluster.ticketSends(1, 3 * tickets);
        long once = sends.stream().filter(send -> requests.getOrDefault(send.phone(), List.of()).size() == 1
                && send.smsContacts() == 1).count();
        long twice = sends.stream().filter(send -> requests.getOrDefault(send.phone(), List.of()).size() > 1).count();
        cluster.stop();

        double one = (runs.get(0).perSecond() + runs.get(2).perSecond()) / 2;
        StringBuilder out = new StringBuilder(String.format("=== TwoNodesBenchmark (embedded PostgreSQL %s, %,d SMS steps per run) ===%n",
                jdbc.queryForObject("show server_version", String.class), tickets));
        out.append(String.format("%-22s | %5s | %6s | %9s | %8s | %7s | %-15s | %-7s | %s%n", "run", "nodes", "SMS",
                "wall", "SMS/s", "CPU ms", "nodes / PG ms", "PG share", "load"));
        runs.forEach(run -> out.append(run.line()).append('\n'));
        out.append(String.format("two nodes ÷ one node (mean of before and after): %.2f× (%.1f / %.1f SMS/s)%n",
                runs.get(1).perSecond() / one, runs.get(1).perSecond(), one));
        out.append(String.format("sent exactly once: %,d of %,d tickets; reached the stub more than once: %,d; stub requests %,d%n",
                once, sends.size(), twice, requests.values().stream().mapToInt(List::size).sum()));
        out.append("CPU: the nodes' JVMs (/proc) and all PostgreSQL processes, per SMS; PG share = PostgreSQL ÷ (nodes + PostgreSQL);"
                + " this JVM (stub, counting) not included; ").append(SmsNodeCluster.nodeSettings())
                .append(String.format("; unpaced; %d CPU cores%n", Runtime.getRuntime().availableProcessors()));
        System.out.print(out);
        if (once != sends.size() || twice != 0) {
            throw new IllegalStateException("Expected every one of " + sends.size() + " tickets sent exactly once; "
                    + once + " were, " + twice + " reached the stub more than once");
        }
    }

    private Run drain(SmsNodeCluster cluster, CpuMeter postgres, String label, List<ServiceProcess> nodes, int first,
                      int tickets) throws Exception {
        cluster.ticketsAtTheirSmsStep(first, tickets);
        return drainLoaded(cluster, postgres, label, nodes, first - 1, tickets);
    }

    /** Releases the send jobs and times until every ticket's SMS is recorded and no job of theirs is left to run. */
    private Run drainLoaded(SmsNodeCluster cluster, CpuMeter postgres, String label, List<ServiceProcess> nodes,
                            long sentBefore, int tickets) throws Exception {
        long nodesBefore = nodes.stream().mapToLong(ServiceProcess::cpuNanos).sum();
        long postgresBefore = postgres.sample().postgresNanos();
        long start = System.nanoTime();
        cluster.release();
        BaselineReport.await(label, cluster::smsSent, sentBefore + tickets, PATIENCE);
        BaselineReport.await("jobs run out after " + label, () -> cluster.jobsToRun() == 0 ? 1 : 0, 1, PATIENCE);
        Duration wall = Duration.ofNanos(System.nanoTime() - start);
        return new Run(label, nodes.size(), tickets, wall, nodes.stream().mapToLong(ServiceProcess::cpuNanos).sum() - nodesBefore,
                postgres.sample().postgresNanos() - postgresBefore, BaselineReport.loadAverage());
    }
}
