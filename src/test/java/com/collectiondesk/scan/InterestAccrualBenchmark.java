package com.collectiondesk.scan;

import static org.mockito.Mockito.doCallRealMethod;
import static org.mockito.Mockito.doReturn;

import com.collectiondesk.ledger.InterestAccrualPlans;
import com.collectiondesk.ledger.LedgerCommands;
import com.collectiondesk.ledger.OverduePositions;
import com.collectiondesk.support.BaselineReport;
import com.collectiondesk.support.BaselineReport.Measured;
import com.collectiondesk.support.CpuMeter;
import com.collectiondesk.support.IntegrationTest;
import com.collectiondesk.support.PostgresInitializer;
import com.collectiondesk.ticket.TicketService;
import com.collectiondesk.ticket.TicketSettings;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Date;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The daily scan with and without interest accrual, on embedded PostgreSQL, in the same JVM and database: the bare
 * overdue positions query (what the scan reads), the scan without accrual (the accrual stubbed out), the scan with it
 * on the first day it runs (every segment written) and on the next day (the daily re-run), then the scan without and
 * the bare query again. The tickets are opened first as the scan opens them, less their processes (which the
 * refreshes never touch): so each measured scan, the first of its business day, refreshes every ticket. Sizes: -Dbenchmark.invoices (default 1,000,000), 10 per customer; three customers in ten owe
 * three overdue invoices (a ticket each), one in ten a partly paid one (with its dated payment; under tolerance).
 * {@code -Dbenchmark.scan=false} leaves the tickets and the scan's refreshes out (the accrual and the positions query
 * only: quick at 1,000,000). {@code -Dbenchmark.explain=true} prints PostgreSQL's plans of the accrual's statements (run and rolled back). Run:
 * {@code ./mvnw -Pbenchmark verify -Dtest=InterestAccrualBenchmark -Dbenchmark.invoices=100000 -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@IntegrationTest
@ContextConfiguration(initializers = PostgresInitializer.class)
@TestPropertySource(properties = "collection.ledger.interest.enabled=true")
class InterestAccrualBenchmark {

    @Autowired JdbcTemplate jdbc;
    @Autowired TransactionTemplate transactions;
    @Autowired DelinquencyScan scan;
    @Autowired OverduePositions positions;
    @Autowired ApplicationContext context;
    @Autowired TicketService tickets;
    @Autowired TicketSettings settings;
    /** Stubbed for the runs without accrual: the scan calls it first, in its own transaction. */
    @MockitoSpyBean LedgerCommands ledger;
    boolean withScan;

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void scanWithAndWithoutInterest() throws Exception {
        int invoices = Integer.getInteger("benchmark.invoices", 1_000_000);
        boolean explain = Boolean.getBoolean("benchmark.explain");
        withScan = !"false".equals(System.getProperty("benchmark.scan"));
        LocalDate first = LocalDate.of(2025, 9, 1);
        day(first);
        long loadStart = System.nanoTime();
        load(invoices / 10, first);
        double loadSeconds = (System.nanoTime() - loadStart) / 1e9;
        BaselineReport report = new BaselineReport("InterestAccrualBenchmark (embedded PostgreSQL "
                + jdbc.queryForObject("show server_version", String.class) + ", " + invoices + " invoices; items = invoices)",
                CpuMeter.of(jdbc));

        Measured opening = report.measure("tickets opened", () -> withScan ? openTickets(first) : 0);
        day(first.plusDays(1));
        Measured bareBefore = report.measure("bare positions SQL", () -> bare(first.plusDays(1), invoices));
        Measured withoutBefore = report.measure("scan without accrual", () -> scan(first.plusDays(1), false, invoices));
        day(first.plusDays(2));
        if (explain) {
            System.out.println(InterestAccrualPlans.explain(context, first.plusDays(2)));
        }
        Measured firstRun = report.measure("scan with accrual, first run", () -> scan(first.plusDays(2), true, invoices));
        long segments = jdbc.queryForObject("select count(*) from ledger_charge", Long.class);
        day(first.plusDays(3));
        if (explain) {
            System.out.println(InterestAccrualPlans.explain(context, first.plusDays(3)));
        }
        Measured rerun = report.measure("scan with accrual, daily re-run", () -> scan(first.plusDays(3), true, invoices));
        day(first.plusDays(4));
        Measured withoutAfter = report.measure("scan without accrual", () -> scan(first.plusDays(4), false, invoices));
        Measured bareAfter = report.measure("bare positions SQL", () -> bare(first.plusDays(4), invoices));

        report.compare("scan without accrual", bareBefore, withoutBefore, bareAfter);
        report.compare("with accrual, first run", withoutBefore, firstRun, withoutAfter);
        report.compare("with accrual, daily re-run", withoutBefore, rerun, withoutAfter);
        System.out.printf("portfolio: %,d invoices, %,d customers (bulk SQL load %.1f s), %,d open overdue invoices,"
                        + " %,d tickets (opened in %.1f s), %,d interest segments after the first run, %,d after the re-run%n",
                invoices, invoices / 10, loadSeconds,
                jdbc.queryForObject("select count(*) from invoice where status <> 'PAID' and due_date < ?", Long.class, first),
                jdbc.queryForObject("select count(*) from ticket", Long.class), opening.wall().toMillis() / 1000.0, segments,
                jdbc.queryForObject("select count(*) from ledger_charge", Long.class));
        report.print("interest " + jdbc.queryForObject("select count(distinct rule) from ledger_interest_rate", Long.class)
                + " rules, " + jdbc.queryForObject("select count(*) from ledger_interest_rate", Long.class)
                + " rate periods; " + (withScan ? "scan chunks of " + DelinquencyScan.CHUNK + ", job executor off"
                : "-Dbenchmark.scan=false: accrual and positions query only, no tickets"));
    }

    /**
     * The scan as its job runs it (each chunk in its own transaction), with or without the accrual it starts with;
     * with -Dbenchmark.scan=false only the accrual and the positions query it reads.
     */
    private long scan(LocalDate asOf, boolean accrual, int invoices) {
        if (!withScan) {
            if (accrual) {
                transactions.executeWithoutResult(status -> ledger.accrueInterest());
            }
            return bare(asOf, invoices);
        }
        if (accrual) {
            doCallRealMethod().when(ledger).accrueInterest();
        } else {
            doReturn(0).when(ledger).accrueInterest();
        }
        DelinquencyScan.Outcome outcome = scan.run(asOf, chunk -> transactions.execute(status -> chunk.get()));
        if (outcome.counts().failed() > 0) {
            throw new IllegalStateException("The scan failed customers: " + outcome.problems());
        }
        return invoices;
    }

    /** A ticket for every debtor past tolerance and DPD threshold, in the scan's chunks; answers how many. */
    private long openTickets(LocalDate asOf) {
        List<OverduePositions.Position> due = positions.on(asOf).stream()
                .filter(p -> p.overdue().compareTo(settings.tolerance()) >= 0
                        && ChronoUnit.DAYS.between(p.oldestDue(), asOf) >= settings.dpdThreshold()).toList();
        for (int i = 0; i < due.size(); i += DelinquencyScan.CHUNK) {
            List<OverduePositions.Position> chunk = due.subList(i, Math.min(due.size(), i + DelinquencyScan.CHUNK));
            transactions.executeWithoutResult(status -> chunk.forEach(p -> tickets.open(p.customerPk(), p.currency(), asOf)));
        }
        return due.size();
    }

    private long bare(LocalDate asOf, int invoices) {
        positions.on(asOf);
        return invoices;
    }

    private static void day(LocalDate day) {
        ClockUtil.setCurrentTime(Date.from(day.atTime(9, 0).atZone(ZoneId.of("Europe/Sofia")).toInstant()));
    }

    private void load(int customers, LocalDate today) {
        jdbc.update("""
                insert into customer (id, customer_id, name, language, country, time_zone, address, debtor_kind,
                                      created_at, updated_at)
                select g, 'IC-' || g, 'Customer ' || g, 'de', 'DE', 'Europe/Berlin', 'Street ' || g,
                       case when g % 2 = 0 then 'BUSINESS' else 'CONSUMER' end, now(), now()
                from generate_series(1, ?) g""", customers);
        jdbc.update("""
                insert into contract (id, contract_id, customer_fk, product_type, created_at, updated_at)
                select g, 'IK-' || g, g, (array['CONSUMER_LOAN','CREDIT_CARD','UTILITY','B2B_INVOICE','LEASING'])[1 + g % 5],
                       now(), now()
                from generate_series(1, ?) g""", customers);
        // invoice k of customer c falls due k*30 days after (today - 290): the last three within 90 days
        jdbc.update("""
                insert into invoice (id, invoice_number, customer_fk, contract_fk, issue_date, due_date, amount,
                                     open_amount, currency, status, created_at, updated_at)
                select i, 'II-' || i, c, c, due - 14, due, 100.00,
                       case when c % 10 in (0, 3, 6) and k >= 7 then 100.00
                            when c % 10 = 5 and k = 9 then 2.00
                            when due >= ? then 100.00 else 0 end,
                       'EUR',
                       case when c % 10 in (0, 3, 6) and k >= 7 then 'OPEN'
                            when c % 10 = 5 and k = 9 then 'PARTIALLY_PAID'
                            when due >= ? then 'OPEN' else 'PAID' end,
                       now(), now()
                from (select g as i, (g - 1) / 10 + 1 as c, (g - 1) % 10 as k,
                             cast(? as date) - 290 + ((g - 1) % 10) * 30 as due
                      from generate_series(1, ?) g) x""",
                today, today, today, customers * 10);
        // the partly paid invoices' payment, ten days late
        jdbc.update("""
                insert into payment (id, payment_id, customer_fk, amount, unallocated_amount, currency, paid_on, created_at)
                select i.id, 'IP-' || i.id, i.customer_fk, 98.00, 0, 'EUR', i.due_date + 10, now()
                from invoice i where i.status = 'PARTIALLY_PAID'""");
        jdbc.update("""
                insert into payment_allocation (id, payment_fk, invoice_fk, amount, paid_on, allocated_at)
                select p.id, p.id, p.id, 98.00, p.paid_on, now() from payment p where p.payment_id like 'IP-%'""");
        jdbc.execute("analyze");
    }
}
