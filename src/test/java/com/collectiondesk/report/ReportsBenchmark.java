package com.collectiondesk.report;

import com.collectiondesk.security.Groups;
import com.collectiondesk.support.IntegrationTest;
import com.collectiondesk.support.PostgresInitializer;
import com.collectiondesk.support.TestUsers;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ContextConfiguration;

/**
 * Every report endpoint on a portfolio of 100,000 open tickets (-Dbenchmark.tickets) on embedded PostgreSQL,
 * over HTTP as a manager; target under one second each (figures printed; other builds on the machine skew them,
 * so the load average is printed too). Per open ticket: a customer, four invoices (three
 * overdue, one not yet due), a part payment, two contacts, a promise and two bucket snapshots; one in five
 * customers also has a closed ticket (paid or written off). Like a real ledger, every customer also has a paid-up
 * history: one invoice a month for the 12 months before (-Dbenchmark.historyMonths), each with its payment. Run:
 * {@code ./mvnw -Pbenchmark verify -Dtest=ReportsBenchmark}.
 */
@IntegrationTest
@ContextConfiguration(initializers = PostgresInitializer.class)
class ReportsBenchmark {

    static final long TARGET_MS = 1000;

    @LocalServerPort int port;
    @Autowired JdbcTemplate jdbc;
    @Autowired IdentityService identity;
    @Autowired ReceivablesKpis receivablesKpis;
    @Autowired CampaignKpis campaignKpis;
    @Autowired RecoveryKpis recoveryKpis;
    @Autowired BucketMovementKpis movementKpis;
    @Autowired BusinessCalendar calendar;

    @Test
    void everyReportAnswersWithinASecond() {
        int tickets = Integer.getInteger("benchmark.tickets", 100_000);
        int historyMonths = Integer.getInteger("benchmark.historyMonths", 12);
        LocalDate today = LocalDate.now(ZoneId.of("Europe/Sofia"));
        TestUsers.ensure(identity, "bench-manager", Groups.MANAGERS);
        long loadStart = System.nanoTime();
        load(tickets, today);
        loadPaidHistory(tickets, historyMonths, today);
        double loadSeconds = (System.nanoTime() - loadStart) / 1e9;

        String monthStart = "'" + today.withDayOfMonth(1) + "'";
        String thirtyDays = "'" + today.minusDays(29) + "'";
        String tomorrow = "'" + today.plusDays(1) + "'";
        String todayLiteral = "'" + today + "'";
        List<Report> reports = List.of(
                new Report("tickets (open, no grouping)", "/api/reports/tickets",
                        "select status, currency, count(*), sum(overdue_amount) from ticket where status <> 'CLOSED'"
                                + " group by status, currency"),
                new Report("tickets groupBy=status,owner", "/api/reports/tickets?groupBy=status,owner",
                        "select status, owner, currency, count(*), sum(overdue_amount) from ticket where status <> 'CLOSED'"
                                + " group by status, owner, currency"),
                new Report("tickets groupBy=all five", "/api/reports/tickets?groupBy=status,owner,productType,bucket,segment",
                        "select status, owner, product_type, bucket, segment, currency, count(*), sum(overdue_amount)"
                                + " from ticket where status <> 'CLOSED' group by status, owner, product_type, bucket, segment, currency"),
                new Report("tickets opened this month", "/api/reports/tickets?groupBy=segment&from=" + today.withDayOfMonth(1),
                        "select segment, currency, count(*), sum(overdue_amount) from ticket where opened_on >= "
                                + monthStart + " group by segment, currency"),
                new Report("activities (this month)", "/api/reports/activities", activitiesBaseline(monthStart, tomorrow, null)),
                new Report("activities (last 30 days)", "/api/reports/activities?from=" + today.minusDays(29) + "&to=" + today,
                        activitiesBaseline(thirtyDays, tomorrow, null)),
                new Report("activities of one collector", "/api/reports/activities?collector=collector7&from="
                        + today.minusDays(29) + "&to=" + today, activitiesBaseline(thirtyDays, tomorrow, "collector7")),
                new Report("aging today", "/api/reports/aging", agingBaseline("currency", todayLiteral)),
                new Report("aging today by customer", "/api/reports/aging?groupBy=customer",
                        agingBaseline("customer_fk, currency", todayLiteral)),
                new Report("aging 30 days ago by segment", "/api/reports/aging?groupBy=segment&asOf=" + today.minusDays(30),
                        agingBaseline("currency", "'" + today.minusDays(30) + "'")),
                new Report("kpis (this month)", "/api/reports/kpis", kpiBaseline(monthStart, tomorrow, todayLiteral)),
                new Report("kpis (last 3 months)", "/api/reports/kpis?from=" + today.withDayOfMonth(1).minusMonths(2) + "&to=" + today,
                        kpiBaseline("'" + today.withDayOfMonth(1).minusMonths(2) + "'", tomorrow, todayLiteral)),
                new Report("cash-forecast 30 days", "/api/reports/cash-forecast?days=30",
                        "select promised_date, currency, count(*), sum(p.amount) from promise p join ticket t on t.id = p.ticket_fk"
                                + " where p.status = 'PENDING' and promised_date >= " + todayLiteral + " and promised_date < "
                                + "'" + today.plusDays(30) + "' group by promised_date, currency"),
                new Report("kpis as CSV", "/api/reports/kpis?format=csv", kpiBaseline(monthStart, tomorrow, todayLiteral)));

        time("/api/reports/cash-forecast?days=1");   // the first request of the application warms up its web stack
        List<String> lines = new ArrayList<>();
        List<String> tooSlow = new ArrayList<>();
        for (Report report : reports) {
            long first = time(report.path());
            long best = Long.MAX_VALUE;
            long bare = Long.MAX_VALUE;
            for (int i = 0; i < 3; i++) {   // interleaved, so a burst of load on the machine hits both alike
                best = Math.min(best, time(report.path()));
                bare = Math.min(bare, millis(() -> report.baseline().forEach(sql -> jdbc.queryForList(sql))));
            }
            lines.add(String.format("%-32s first %5d ms   best of 3 %5d ms   bare SQL %5d ms   ratio %5.2f",
                    report.name(), first, best, bare, (double) best / Math.max(1, bare)));
            if (best > TARGET_MS) {
                tooSlow.add(report.name());
            }
        }
        Period month = new Period(today.withDayOfMonth(1), today.withDayOfMonth(1).plusMonths(1).minusDays(1));
        Period quarter = new Period(today.withDayOfMonth(1).minusMonths(2), today);
        for (Period period : List.of(month, quarter)) {
            lines.add(String.format("  kpis parts %s..%s: receivables %d ms, campaigns %d ms, recovery+promises %d ms,"
                            + " roll/cure %d ms", period.from(), period.to(),
                    millis(() -> receivablesKpis.compute(period, EntityFilter.Coverage.EVERY_ENTITY)), millis(() -> campaignKpis.compute(period, EntityFilter.Coverage.EVERY_ENTITY)),
                    millis(() -> recoveryKpis.compute(period, EntityFilter.Coverage.EVERY_ENTITY)), millis(() -> movementKpis.compute(period, EntityFilter.Coverage.EVERY_ENTITY))));
        }
        if (Boolean.getBoolean("benchmark.explain")) {
            ExplainingJdbc explaining = new ExplainingJdbc(jdbc.getDataSource());
            new ReceivablesKpis(explaining, calendar).compute(quarter, EntityFilter.Coverage.EVERY_ENTITY);
            new CampaignKpis(explaining).compute(quarter, EntityFilter.Coverage.EVERY_ENTITY);
        }
        System.out.printf("""
                === ReportsBenchmark (embedded PostgreSQL %s, 2 CPU cores) ===
                bare SQL: the same figures straight from the base tables (and the engine's act_* tables for tasks), in
                the same run on the same data; ratio = ours / bare (HTTP, JSON and the read models on top)
                portfolio: %,d open tickets, %,d closed, %,d invoices (%,d paid up), %,d payments, %,d contacts, %,d promises, %,d snapshot rows, %,d open tasks, %,d task history rows (load %.1f s)
                %s
                target: under %d ms each (best of 3); slower: %s; machine load average now %.1f
                """, jdbc.queryForObject("show server_version", String.class), tickets,
                count("ticket where status = 'CLOSED'"), count("invoice"), count("invoice where status = 'PAID'"),
                count("payment"), count("contact_attempt"), count("promise"),
                count("bucket_snapshot"), count("act_ru_task"), count("act_hi_taskinst"), loadSeconds, String.join("\n", lines), TARGET_MS,
                tooSlow.isEmpty() ? "none" : tooSlow,
                java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }

    /** -Dbenchmark.explain=true: prints PostgreSQL's plan (EXPLAIN ANALYZE, BUFFERS) of each query a KPI part runs. */
    static final class ExplainingJdbc extends org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate {

        ExplainingJdbc(javax.sql.DataSource dataSource) {
            super(dataSource);
        }

        @Override
        public void query(String sql, org.springframework.jdbc.core.namedparam.SqlParameterSource parameters,
                          org.springframework.jdbc.core.RowCallbackHandler handler) {
            StringBuilder plan = new StringBuilder("--- plan of: ").append(sql).append('\n');
            super.query("explain (analyze, buffers) " + sql, parameters, rs -> {
                plan.append(rs.getString(1)).append('\n');
            });
            System.out.print(plan);
            super.query(sql, parameters, handler);
        }
    }

    /** One endpoint and the bare SQL over the base tables that answers its core figures (the baseline). */
    record Report(String name, String path, List<String> baseline) {

        Report(String name, String path, String baseline) {
            this(name, path, List.of(baseline));
        }
    }

    /** As the report did before its task facts: grouped straight from the engine's tables, plus contacts and promises. */
    private static List<String> activitiesBaseline(String from, String to, String collector) {
        String assignee = collector == null ? "" : " and assignee_ = '" + collector + "'";
        String author = collector == null ? "" : " and author = '" + collector + "'";
        return List.of("select assignee_, count(*), avg(duration_) from act_hi_taskinst where delete_reason_ = 'completed'"
                        + " and end_time_ >= " + from + " and end_time_ < " + to + assignee + " group by assignee_",
                "select assignee_, count(*), sum(case when due_date_ < now() then 1 else 0 end) from act_ru_task"
                        + " where assignee_ is not null" + assignee + " group by assignee_",
                "select author, channel, count(*) from contact_attempt where at >= " + from + " and at < " + to + author
                        + " group by author, channel",
                "select author, count(*) from promise where created_at >= " + from + " and created_at < " + to + author
                        + " group by author");
    }

    /** Open amounts by DPD band on a day, from the invoices still open. */
    private static String agingBaseline(String groupBy, String day) {
        return "select " + groupBy + ", sum(case when due_date >= " + day + " then open_amount else 0 end),"
                + " sum(case when due_date < " + day + " and due_date >= cast(" + day + " as date) - 30 then open_amount else 0 end),"
                + " sum(case when due_date < cast(" + day + " as date) - 30 then open_amount else 0 end), sum(open_amount)"
                + " from invoice where status in ('OPEN', 'PARTIALLY_PAID') and due_date is not null group by " + groupBy;
    }

    /** The KPIs' base figures: receivables now, sales and collections in the period, promises judged in it. */
    private static List<String> kpiBaseline(String from, String to, String day) {
        return List.of(agingBaseline("currency", day),
                "select currency, sum(amount) from invoice where issue_date >= " + from + " and issue_date < " + to
                        + " group by currency",
                "select t.currency, sum(a.amount) from payment_allocation a join ticket_invoice ti on ti.invoice_fk = a.invoice_fk"
                        + " join ticket t on t.id = ti.ticket_fk where a.paid_on >= " + from + " and a.paid_on < " + to
                        + " group by t.currency",
                "select status, count(*), sum(amount) from promise where promised_date >= " + from + " and promised_date < "
                        + to + " group by status");
    }

    private static long millis(Runnable work) {
        long start = System.nanoTime();
        work.run();
        return (System.nanoTime() - start) / 1_000_000;
    }

    private long count(String from) {
        return jdbc.queryForObject("select count(*) from " + from, Long.class);
    }

    private long time(String path) {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        ("bench-manager:" + TestUsers.PASSWORD).getBytes(StandardCharsets.UTF_8)))
                .header("Accept", "application/json").build();
        long start = System.nanoTime();
        try {
            HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException(path + " answered " + response.statusCode() + ": " + response.body());
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return (System.nanoTime() - start) / 1_000_000;
    }

    /**
     * Invoice k (0..months-1) of customer c issued 150 + 30k days ago and paid in full 10 days after; ids after
     * those of {@link #load}.
     */
    private void loadPaidHistory(int customers, int months, LocalDate today) {
        long first = 10L * customers;
        jdbc.update("""
                insert into invoice (id, invoice_number, customer_fk, contract_fk, issue_date, due_date, amount, open_amount,
                                     currency, status, created_at, updated_at)
                select ? + g, 'RH-' || g, c, c, cast(? as date) - 150 - 30 * k, cast(? as date) - 136 - 30 * k, 100.00, 0.00,
                       case when c % 10 = 0 then 'BGN' else 'EUR' end, 'PAID', now(), now()
                from (select g, (g - 1) / ? + 1 as c, (g - 1) % ? as k from generate_series(1, ?) g) x""",
                first, today, today, months, months, customers * months);
        jdbc.update("""
                insert into payment (id, payment_id, customer_fk, amount, unallocated_amount, currency, paid_on, created_at)
                select ? + g, 'RHP-' || g, c, 100.00, 0, case when c % 10 = 0 then 'BGN' else 'EUR' end,
                       cast(? as date) - 140 - 30 * k, now()
                from (select g, (g - 1) / ? + 1 as c, (g - 1) % ? as k from generate_series(1, ?) g) x""",
                first, today, months, months, customers * months);
        jdbc.update("""
                insert into payment_allocation (id, payment_fk, invoice_fk, amount, paid_on, allocated_at)
                select ? + g, ? + g, ? + g, 100.00, cast(? as date) - 140 - 30 * ((g - 1) % ?), now()
                from generate_series(1, ?) g""", first, first, first, today, months, customers * months);
        // as autovacuum would have done by the time anyone reads reports: statistics and the visibility map
        jdbc.execute("vacuum analyze");
    }

    /** Set-based inserts with generate_series, as TicketScanBenchmark does. Customer g has open ticket g. */
    private void load(int tickets, LocalDate today) {
        int closed = tickets / 5;
        jdbc.update("""
                insert into customer (id, customer_id, name, language, country, time_zone, address, created_at, updated_at)
                select g, 'RB-' || g, 'Customer ' || g, 'en', 'BG', 'Europe/Sofia', 'Street ' || g, now(), now()
                from generate_series(1, ?) g""", tickets);
        jdbc.update("""
                insert into contract (id, contract_id, customer_fk, product_type, created_at, updated_at)
                select g, 'RK-' || g, g, (array['CONSUMER_LOAN','CREDIT_CARD','UTILITY','TELECOM','LEASING'])[1 + g % 5], now(), now()
                from generate_series(1, ?) g""", tickets);
        // invoice k (0..3) of customer c: issued (today - 130 + 30k), due 14 days later; k = 3 is not yet due
        jdbc.update("""
                insert into invoice (id, invoice_number, customer_fk, contract_fk, issue_date, due_date, amount, open_amount,
                                     currency, status, created_at, updated_at)
                select i, 'RI-' || i, c, c, cast(? as date) - 130 + 30 * k, cast(? as date) - 116 + 30 * k, 100.00,
                       case when k = 0 then 50.00 else 100.00 end, case when c % 10 = 0 then 'BGN' else 'EUR' end,
                       case when k = 0 then 'PARTIALLY_PAID' else 'OPEN' end, now(), now()
                from (select g as i, (g - 1) / 4 + 1 as c, (g - 1) % 4 as k from generate_series(1, ?) g) x""",
                today, today, tickets * 4);
        jdbc.update("""
                insert into payment (id, payment_id, customer_fk, amount, unallocated_amount, currency, paid_on, created_at)
                select g, 'RP-' || g, g, 50.00, 0, case when g % 10 = 0 then 'BGN' else 'EUR' end,
                       cast(? as date) - (g % 60), now()
                from generate_series(1, ?) g""", today, tickets);
        jdbc.update("""
                insert into payment_allocation (id, payment_fk, invoice_fk, amount, paid_on, allocated_at)
                select g, g, 4 * (g - 1) + 1, 50.00, cast(? as date) - (g % 60), now() from generate_series(1, ?) g""",
                today, tickets);
        jdbc.update("""
                insert into ticket (id, ticket_number, customer_fk, status, currency, overdue_amount, overdue_at_entry, max_dpd,
                                    bucket, product_type, segment, strategy, opened_on, owner, created_at, updated_at)
                select g, 'RT-' || g, g, (array['OPEN','PROMISED','DISPUTED','ESCALATED'])[1 + g % 4],
                       case when g % 10 = 0 then 'BGN' else 'EUR' end, 250.00, 250.00, 102, '91-120',
                       (array['CONSUMER_LOAN','CREDIT_CARD','UTILITY','TELECOM','LEASING'])[1 + g % 5],
                       (array['standard','high-risk','low-risk'])[1 + g % 3], 'collection-strategy v' || (1 + g % 2),
                       cast(? as date) - (g % 90), 'collector' || (g % 50), now(), now()
                from generate_series(1, ?) g""", today, tickets);
        jdbc.update("""
                insert into ticket (id, ticket_number, customer_fk, status, close_reason, currency, overdue_amount,
                                    overdue_at_entry, max_dpd, bucket, product_type, segment, strategy, opened_on, closed_at,
                                    owner, created_at, updated_at)
                select ? + g, 'RC-' || g, g, 'CLOSED', case when g % 4 = 0 then 'WRITTEN_OFF' else 'PAID' end,
                       case when g % 10 = 0 then 'BGN' else 'EUR' end, 80.00, 80.00, 0, 'current', 'CONSUMER_LOAN', 'standard',
                       'collection-strategy v1', cast(? as date) - 100 + (g % 60),
                       cast(cast(? as date) - (g % 40) as timestamp with time zone), 'collector' || (g % 50), now(), now()
                from generate_series(1, ?) g""", tickets, today, today, closed);
        jdbc.update("""
                insert into ticket_invoice (ticket_fk, invoice_fk)
                select (g - 1) / 3 + 1, 4 * ((g - 1) / 3) + (g - 1) % 3 + 1 from generate_series(1, ?) g""", tickets * 3);
        jdbc.update("""
                insert into contact_attempt (id, ticket_fk, channel, outcome, author, send_key, at)
                select g, (g - 1) / 2 + 1, (array['CALL','SMS','EMAIL'])[1 + g % 3],
                       (array['REACHED','NO_ANSWER','SENT','PROMISE'])[1 + g % 4], 'collector' || (((g - 1) / 2 + 1) % 50),
                       'bench-' || g, now() - (g % 25) * interval '1 day'
                from generate_series(1, ?) g""", tickets * 2);
        jdbc.update("""
                insert into promise (id, ticket_fk, amount, promised_date, status, author, created_at)
                select g, g, 100.00, cast(? as date) - 30 + (g % 60), (array['KEPT','BROKEN','PENDING','CANCELLED'])[1 + g % 4],
                       'collector' || (g % 50), now() - (g % 20) * interval '1 day'
                from generate_series(1, ?) g""", today, tickets);
        jdbc.update("""
                insert into bucket_snapshot (as_of, ticket_fk, currency, bucket, balance, max_dpd)
                select cast(? as date), g, case when g % 10 = 0 then 'BGN' else 'EUR' end,
                       (array['31-60','61-90','91-120'])[1 + g % 3], 250.00, 60
                from generate_series(1, ?) g""", today.minusDays(1).withDayOfMonth(1), tickets + closed);   // not today on the 1st
        jdbc.update("""
                insert into bucket_snapshot (as_of, ticket_fk, currency, bucket, balance, max_dpd)
                select cast(? as date), g, case when g % 10 = 0 then 'BGN' else 'EUR' end, '91-120', 250.00, 102
                from generate_series(1, ?) g""", today, tickets);
        loadTasks(tickets, today);
    }

    /**
     * Per open ticket one open "Call debtor" task (standalone, as the engine keeps it; one in three past due) and one
     * completed in the last 25 days after 1 to 8 hours, so the activities report's task figures have work to do.
     * Engine rows written by SQL here only because creating 200,000 tasks through the API would take minutes.
     */
    private void loadTasks(int tickets, LocalDate today) {
        jdbc.update("""
                insert into act_ru_task (id_, rev_, name_, task_def_key_, assignee_, priority_, create_time_, last_updated_,
                                         due_date_, suspension_state_)
                select 'bench-task-' || g, 1, 'Call debtor', 'callDebtor', 'collector' || (g % 50), 50,
                       now() - (g % 20) * interval '1 day', now(), now() + (1 - g % 3) * interval '2 day', 1
                from generate_series(1, ?) g""", tickets);
        jdbc.update("""
                insert into act_hi_taskinst (id_, task_def_key_, name_, assignee_, start_time_, end_time_, duration_,
                                             delete_reason_, priority_)
                select 'bench-done-' || g, 'callDebtor', 'Call debtor', 'collector' || (g % 50),
                       cast(? as timestamp) - (g % 25) * interval '1 day' - (1 + g % 8) * interval '1 hour',
                       cast(? as timestamp) - (g % 25) * interval '1 day', (1 + g % 8) * 3600000, 'completed', 50
                from generate_series(1, ?) g""", today.atTime(9, 0), today.atTime(9, 0), tickets);
        // the same tasks as TaskFactKeeper keeps them from the engine's history events
        jdbc.update("""
                insert into report_task_fact (task_id, assignee, created_at, due_at)
                select id_, assignee_, create_time_, due_date_ from act_ru_task where id_ like 'bench-task-%'""");
        jdbc.update("""
                insert into report_task_fact (task_id, assignee, created_at, ended_at, end_reason, duration_ms)
                select id_, assignee_, start_time_, end_time_, delete_reason_, duration_ from act_hi_taskinst
                where id_ like 'bench-done-%'""");
    }
}
