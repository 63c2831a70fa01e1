package com.collectiondesk.scan;

import com.collectiondesk.support.BenchmarkJobExecutor;
import com.collectiondesk.support.IntegrationTest;
import com.collectiondesk.support.PostgresInitializer;
import com.collectiondesk.ticket.TicketProcess;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ContextConfiguration;

/**
 * Scan time for a large portfolio and tickets opened per second, on embedded PostgreSQL with the job
 * executor running. Sizes: -Dbenchmark.customers (default 100000), 10 invoices each. One customer in ten
 * is delinquent (three monthly invoices unpaid), one in ten owes 2.00 (under tolerance). Run:
 * {@code ./mvnw -Pbenchmark verify -Dtest=TicketScanBenchmark}.
 */
@IntegrationTest
@ContextConfiguration(initializers = PostgresInitializer.class)
@BenchmarkJobExecutor
class TicketScanBenchmark {

    static final int INVOICES_PER_CUSTOMER = 10;

    @Autowired JdbcTemplate jdbc;
    @Autowired ScanService scans;
    @Autowired ProcessEngine engine;
    @Autowired Environment environment;

    @Test
    void scanAndOpenTickets() throws InterruptedException {
        int customers = Integer.getInteger("benchmark.customers", 100_000);
        LocalDate asOf = LocalDate.now(ZoneId.of("Europe/Sofia"));
        long loadStart = System.nanoTime();
        loadPortfolio(customers, asOf);
        Duration load = Duration.ofNanos(System.nanoTime() - loadStart);

        long scanStart = System.nanoTime();
        Long scanId = scans.start(asOf, "benchmark").getId();
        ScanRun run = scans.get(scanId);
        while (run.getState() != ScanRun.State.COMPLETED) {
            Thread.sleep(100);
            run = scans.get(scanId);
        }
        Duration scan = Duration.ofNanos(System.nanoTime() - scanStart);

        // a ticket is fully open once it has synced, decided segment and strategy (both DMN) and waits for its first step
        long openStart = System.nanoTime();
        long waiting = 0;
        while (waiting < run.getOpened()) {
            Thread.sleep(500);
            waiting = engine.getRuntimeService().createExecutionQuery().processDefinitionKey(TicketProcess.KEY)
                    .activityId(TicketProcess.WAIT_FOR_STEP).count();
            if (System.nanoTime() - openStart > Duration.ofMinutes(30).toNanos()) {
                throw new IllegalStateException("Only " + waiting + " of " + run.getOpened() + " tickets planned after 30 minutes");
            }
        }
        Duration opening = Duration.ofNanos(System.nanoTime() - openStart);

        ProcessEngineConfigurationImpl config = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
        config.getJobExecutor().shutdown();
        System.out.printf("""
                === TicketScanBenchmark (embedded PostgreSQL %s) ===
                portfolio: %,d customers, %,d invoices (bulk SQL load %.1f s)
                scan:      %.1f s  -> opened %,d, refreshed %,d, closed %,d, skipped %,d (chunks of %d)
                opening:   %,d tickets synced + ticket-segment + collection-strategy + planned in %.1f s = %.0f tickets/s
                           (scan start to all planned: %.0f tickets/s)
                engine:    %s,
                           history level %s, jdbc batch processing %s
                """,
                jdbc.queryForObject("show server_version", String.class), customers, (long) customers * INVOICES_PER_CUSTOMER,
                load.toMillis() / 1000.0, scan.toMillis() / 1000.0, run.getOpened(), run.getRefreshed(), run.getClosed(),
                run.getSkipped(), DelinquencyScan.CHUNK, run.getOpened(), opening.toMillis() / 1000.0,
                run.getOpened() / (opening.toMillis() / 1000.0),
                run.getOpened() / ((scan.toMillis() + opening.toMillis()) / 1000.0),
                BenchmarkJobExecutor.Settings.describe(environment), config.getHistory(), config.isJdbcBatchProcessing());
        if (run.getOpened() != customers / 10) {
            throw new IllegalStateException("Expected " + customers / 10 + " tickets, the scan opened " + run.getOpened());
        }
    }

    /** Set-based inserts (PostgreSQL generate_series), not the API: customers, one contract each, ten monthly invoices. */
    private void loadPortfolio(int customers, LocalDate asOf) {
        jdbc.update("""
                insert into customer (id, customer_id, name, phone, email, language, country, time_zone, address,
                                      risk_score, created_at, updated_at)
                select g, 'BC-' || g, 'Customer ' || g, '+35988' || lpad(g::text, 7, '0'), 'c' || g || '@example.com',
                       'en', 'BG', 'Europe/Sofia', 'Street ' || g, (g % 100), now(), now()
                from generate_series(1, ?) g""", customers);
        jdbc.update("""
                insert into contract (id, contract_id, customer_fk, product_type, created_at, updated_at)
                select g, 'BK-' || g, g, (array['CONSUMER_LOAN','CREDIT_CARD','UTILITY','TELECOM','LEASING'])[1 + g % 5], now(), now()
                from generate_series(1, ?) g""", customers);
        // invoice k of customer c falls due k*30 days after (asOf - 290): k = 0..9, the last three within 90 days
        jdbc.update("""
                insert into invoice (id, invoice_number, customer_fk, contract_fk, issue_date, due_date, amount,
                                     open_amount, currency, status, created_at, updated_at)
                select i, 'BI-' || i, c, c, due - 14, due, 100.00,
                       case when c % 10 = 0 and k >= 7 then 100.00
                            when c % 10 = 5 and k = 9 then 2.00
                            when due >= ? then 100.00 else 0 end,
                       'EUR',
                       case when c % 10 = 0 and k >= 7 then 'OPEN'
                            when c % 10 = 5 and k = 9 then 'PARTIALLY_PAID'
                            when due >= ? then 'OPEN' else 'PAID' end,
                       now(), now()
                from (select g as i, (g - 1) / 10 + 1 as c, (g - 1) % 10 as k,
                             cast(? as date) - 290 + ((g - 1) % 10) * 30 as due
                      from generate_series(1, ?) g) x""",
                asOf, asOf, asOf, customers * INVOICES_PER_CUSTOMER);
        jdbc.execute("analyze");
    }
}
