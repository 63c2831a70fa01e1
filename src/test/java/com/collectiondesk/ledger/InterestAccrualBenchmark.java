package com.collectiondesk.ledger;

import com.collectiondesk.support.BaselineReport;
import com.collectiondesk.support.BaselineReport.Measured;
import com.collectiondesk.support.CpuMeter;
import com.collectiondesk.support.IntegrationTest;
import com.collectiondesk.support.PostgresInitializer;
import java.time.LocalDate;
import java.util.Date;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The scan's ledger work with and without interest accrual, on embedded PostgreSQL, in the same run: the overdue
 * positions query the scan reads (without), then the accrual the scan runs first plus that query (with), on the
 * first day (every segment written) and the next day (steady state: each open invoice's running segment replaced),
 * then the positions query again. Sizes: -Dbenchmark.invoices (default 1,000,000), 10 per customer; three customers
 * in ten owe three overdue invoices, one in ten a partly paid one (with its dated payment). Run:
 * {@code ./mvnw -Pbenchmark verify -Dtest=InterestAccrualBenchmark -Dbenchmark.invoices=100000}.
 */
@IntegrationTest
@ContextConfiguration(initializers = PostgresInitializer.class)
@TestPropertySource(properties = "collection.ledger.interest.enabled=true")
class InterestAccrualBenchmark {

    @Autowired JdbcTemplate jdbc;
    @Autowired TransactionTemplate transactions;
    @Autowired LedgerCommands commands;
    @Autowired OverduePositions positions;

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void scanWithAndWithoutInterest() throws Exception {
        int invoices = Integer.getInteger("benchmark.invoices", 1_000_000);
        LocalDate today = LocalDate.of(2025, 9, 1);
        day(today);
        long loadStart = System.nanoTime();
        load(invoices / 10, today);
        double loadSeconds = (System.nanoTime() - loadStart) / 1e9;
        BaselineReport report = new BaselineReport("InterestAccrualBenchmark (embedded PostgreSQL "
                + jdbc.queryForObject("show server_version", String.class) + ", " + invoices + " invoices)", CpuMeter.of(jdbc));

        Measured before = report.measure("positions only (scan without interest)", () -> positions.on(today).size());
        Measured firstDay = report.measure("accrual + positions, first day", () -> {
            transactions.executeWithoutResult(s -> commands.accrueInterest());
            return positions.on(today).size();
        });
        day(today.plusDays(1));
        Measured nextDay = report.measure("accrual + positions, next day", () -> {
            transactions.executeWithoutResult(s -> commands.accrueInterest());
            return positions.on(today.plusDays(1)).size();
        });
        Measured after = report.measure("positions only (scan without interest)", () -> positions.on(today.plusDays(1)).size());
        report.compare("scan's ledger work (positions/s), first day", before, firstDay, after);
        report.compare("scan's ledger work (positions/s), next day", before, nextDay, after);
        System.out.printf("portfolio: %,d invoices, %,d customers (bulk SQL load %.1f s), %,d open overdue invoices,"
                        + " %,d interest segments%n", invoices, invoices / 10, loadSeconds,
                jdbc.queryForObject("select count(*) from invoice where status <> 'PAID' and due_date < ?", Long.class, today),
                jdbc.queryForObject("select count(*) from ledger_charge", Long.class));
        report.print("interest " + jdbc.queryForObject("select count(distinct rule) from ledger_interest_rate", Long.class)
                + " rules");
    }

    private static void day(LocalDate day) {
        ClockUtil.setCurrentTime(Date.from(day.atTime(9, 0).atZone(java.time.ZoneId.of("Europe/Sofia")).toInstant()));
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
