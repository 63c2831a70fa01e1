package com.collectiondesk.report;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * DSO (standard, count-back, best possible), CEI and the bad-debt rate, per currency, from the ledger.
 * Credit sales are the invoices issued in the period; receivables are measured as {@link Receivables} says.
 */
@Component
class ReceivablesKpis {

    /** How far count-back DSO walks back at most. */
    static final int COUNT_BACK_MONTHS = 24;
    /** Months of sales read first: receivables rarely reach further back; older months are read only when they do. */
    static final int RECENT_SALES_MONTHS = 6;

    private final NamedParameterJdbcTemplate jdbc;
    private final BusinessCalendar calendar;

    ReceivablesKpis(NamedParameterJdbcTemplate jdbc, BusinessCalendar calendar) {
        this.jdbc = jdbc;
        this.calendar = calendar;
    }

    /** Receivables at the end of a day: all, and the part not yet past due. */
    record Position(BigDecimal total, BigDecimal current) {
        static final Position NONE = new Position(BigDecimal.ZERO, BigDecimal.ZERO);

        Position plus(BigDecimal total, BigDecimal current) {
            return new Position(this.total.add(total), this.current.add(current));
        }
    }

    /** Receivables at the period's start and end, credit sales in it, and monthly sales for count-back, per currency. */
    private record Ledger(Map<String, Position> begin, Map<String, Position> end, Map<String, BigDecimal> sales,
                          Map<String, Map<YearMonth, BigDecimal>> monthlySales) {
    }

    /**
     * What an invoice still owed at the end of day d is what it owes now plus what payments and cancellations made
     * after d took off it. So one pass over the invoices open now, one over the payments and cancellations made since
     * the day before the period (the indexes on their days keep both short however long the paid-up history), and one
     * over the invoices issued since {@code salesFrom} (on or before the period's start), for credit sales.
     * Day 0 is the day before the period, day 1 its last day.
     */
    private Ledger ledgerOf(Period period, LocalDate salesFrom, EntityFilter.Coverage coverage) {
        List<LocalDate> days = List.of(period.from().minusDays(1), period.to());
        MapSqlParameterSource parameters = coverage.addTo(new MapSqlParameterSource("from", period.from()).addValue("to", period.to())
                .addValue("salesFrom", salesFrom));
        String ofEntities = coverage.customer("i.customer_fk");
        StringBuilder openSums = new StringBuilder();
        for (int d = 0; d < days.size(); d++) {
            parameters.addValue("day" + d, days.get(d)).addValue("end" + d, calendar.endOf(days.get(d)));
            openSums.append(", sum(case when %s then i.open_amount else 0 end) as total%d".formatted(counts(d), d))
                    .append(", sum(case when %s then i.open_amount else 0 end) as current%d".formatted(current(d), d));
        }
        Ledger ledger = new Ledger(new HashMap<>(), new HashMap<>(), new HashMap<>(), new HashMap<>());
        jdbc.query("select i.currency, i.issue_date,"
                + " sum(i.amount) as sales, sum(case when i.issue_date >= :from then i.amount else 0 end) as period_sales"
                + " from rv_invoice i where i.issue_date >= :salesFrom and i.issue_date <= :to" + ofEntities + BY_DAY, parameters, rs -> {
                    addMonth(ledger.monthlySales(), rs);
                    ledger.sales().merge(rs.getString("currency"), rs.getBigDecimal("period_sales"), BigDecimal::add);
                });
        jdbc.query("select i.currency" + openSums + " from rv_open_invoice i where i.issue_date <= :to" + ofEntities + " group by i.currency",
                parameters, rs -> {
                    addPositions(ledger, rs);
                });
        addTakenOffAfterDayZero(ledger, parameters, days.size(), ofEntities);
        return ledger;
    }

    /**
     * Sales are summed per day in SQL and per month here: the groups follow the order of the index the sums come from
     * ({@code ix_invoice_issue_sales}), and no row pays for extracting its year and month (half the query's time).
     */
    private static final String BY_DAY = " group by i.currency, i.issue_date";

    private static void addMonth(Map<String, Map<YearMonth, BigDecimal>> monthlySales, java.sql.ResultSet rs)
            throws java.sql.SQLException {
        monthlySales.computeIfAbsent(rs.getString("currency"), c -> new HashMap<>())
                .merge(YearMonth.from(rs.getObject("issue_date", LocalDate.class)), rs.getBigDecimal("sales"), BigDecimal::add);
    }

    /** Adds the sales of the months from {@code start} up to (not including) {@code before}. */
    private void addOlderSales(Map<String, Map<YearMonth, BigDecimal>> monthlySales, LocalDate start, LocalDate before,
                               EntityFilter.Coverage coverage) {
        jdbc.query("select i.currency, i.issue_date, sum(i.amount) as sales from rv_invoice i"
                + " where i.issue_date >= :start and i.issue_date < :before" + coverage.customer("i.customer_fk") + BY_DAY,
                coverage.addTo(new MapSqlParameterSource("start", start).addValue("before", before)), rs -> {
                    addMonth(monthlySales, rs);
                });
    }

    /** Invoice {@code i} was a receivable at the end of day d. */
    private static String counts(int d) {
        return "i.issue_date <= :day" + d + " and " + Receivables.notWrittenOffBy("end" + d);
    }

    /** ... and not yet due on day d. */
    private static String current(int d) {
        return counts(d) + " and i.due_date >= :day" + d;
    }

    /**
     * Adds what payments and cancellations dated after day 0 took off the invoices, per day d: total{d} and current{d}.
     */
    private void addTakenOffAfterDayZero(Ledger ledger, MapSqlParameterSource parameters, int days, String ofEntities) {
        StringBuilder sums = new StringBuilder();
        for (int d = 0; d < days; d++) {
            String after = " and x.taken_off_on > :day" + d + " then x.amount else 0 end) as ";
            sums.append(", sum(case when ").append(counts(d)).append(after).append("total").append(d)
                    .append(", sum(case when ").append(current(d)).append(after).append("current").append(d);
        }
        jdbc.query("select i.currency" + sums + " from rv_invoice_taken_off x join rv_invoice i on i.id = x.invoice_fk"
                + " where x.taken_off_on > :day0 and i.issue_date <= :to" + ofEntities + " group by i.currency", parameters, rs -> {
                    addPositions(ledger, rs);
                });
    }

    private static void addPositions(Ledger ledger, java.sql.ResultSet rs) throws java.sql.SQLException {
        String currency = rs.getString("currency");
        ledger.begin().merge(currency, Position.NONE.plus(rs.getBigDecimal("total0"), rs.getBigDecimal("current0")),
                (a, b) -> a.plus(b.total(), b.current()));
        ledger.end().merge(currency, Position.NONE.plus(rs.getBigDecimal("total1"), rs.getBigDecimal("current1")),
                (a, b) -> a.plus(b.total(), b.current()));
    }

    List<KpiRow> compute(Period period, EntityFilter.Coverage coverage) {
        LocalDate countBackStart = period.to().withDayOfMonth(1).minusMonths(COUNT_BACK_MONTHS - 1L);
        LocalDate recentStart = period.to().withDayOfMonth(1).minusMonths(RECENT_SALES_MONTHS - 1L);
        LocalDate salesFrom = period.from().isBefore(recentStart) ? period.from() : recentStart;
        Ledger ledger = ledgerOf(period, salesFrom, coverage);
        Map<String, Position> begin = ledger.begin();
        Map<String, Position> end = ledger.end();
        Map<String, BigDecimal> sales = ledger.sales();
        Map<String, Map<YearMonth, BigDecimal>> monthly = ledger.monthlySales();
        boolean needsOlderMonths = end.entrySet().stream().anyMatch(position -> !KpiFormulas.countBack(
                position.getValue().total(), latestFirst(monthly.getOrDefault(position.getKey(), Map.of()), salesFrom,
                period.to())).withinMonths());
        if (needsOlderMonths && salesFrom.isAfter(countBackStart)) {
            addOlderSales(monthly, countBackStart, salesFrom, coverage);
        }
        Map<String, BigDecimal> writtenOff = writtenOff(period, coverage);

        TreeSet<String> currencies = new TreeSet<>(end.keySet());
        currencies.addAll(sales.keySet());
        List<KpiRow> rows = new ArrayList<>();
        for (String currency : currencies) {
            Position arEnd = end.getOrDefault(currency, Position.NONE);
            Position arBegin = begin.getOrDefault(currency, Position.NONE);
            BigDecimal creditSales = sales.getOrDefault(currency, BigDecimal.ZERO);
            List<KpiFormulas.MonthSales> latestFirst = latestFirst(monthly.getOrDefault(currency, Map.of()), countBackStart,
                    period.to());
            rows.add(new KpiRow("dso_standard", currency, KpiRow.ALL, KpiFormulas.standardDso(arEnd.total(), creditSales,
                    period.days()), "days", Amounts.money(arEnd.total()), Amounts.money(creditSales)));
            rows.add(new KpiRow("dso_count_back", currency, KpiRow.ALL, KpiFormulas.countBackDso(arEnd.total(), latestFirst),
                    "days", Amounts.money(arEnd.total()), null));
            rows.add(new KpiRow("dso_best_possible", currency, KpiRow.ALL, KpiFormulas.countBackDso(arEnd.current(), latestFirst),
                    "days", Amounts.money(arEnd.current()), null));
            BigDecimal available = arBegin.total().add(creditSales);
            rows.add(new KpiRow("cei", currency, KpiRow.ALL, KpiFormulas.cei(arBegin.total(), creditSales, arEnd.total(),
                    arEnd.current()), "%", Amounts.money(available.subtract(arEnd.total())),
                    Amounts.money(available.subtract(arEnd.current()))));
            BigDecimal lost = writtenOff.getOrDefault(currency, BigDecimal.ZERO);
            rows.add(new KpiRow("bad_debt_rate", currency, KpiRow.ALL, Amounts.percent(lost, creditSales), "%",
                    Amounts.money(lost), Amounts.money(creditSales)));
        }
        return rows;
    }

    /** Months from the period's last (days up to its end) back to the oldest one looked at. */
    private static List<KpiFormulas.MonthSales> latestFirst(Map<YearMonth, BigDecimal> sales, LocalDate start, LocalDate end) {
        List<KpiFormulas.MonthSales> months = new ArrayList<>();
        for (YearMonth month = YearMonth.from(end); !month.isBefore(YearMonth.from(start)); month = month.minusMonths(1)) {
            int days = month.equals(YearMonth.from(end)) ? end.getDayOfMonth() : month.lengthOfMonth();
            months.add(new KpiFormulas.MonthSales(sales.getOrDefault(month, BigDecimal.ZERO), days));
        }
        // months before the first sale say nothing about collection speed
        while (!months.isEmpty() && months.get(months.size() - 1).sales().signum() == 0) {
            months.remove(months.size() - 1);
        }
        return months;
    }

    private Map<String, BigDecimal> writtenOff(Period period, EntityFilter.Coverage coverage) {
        Map<String, BigDecimal> amounts = new HashMap<>();
        jdbc.query("""
                select currency, sum(overdue_amount) as amount from rv_ticket
                where close_reason = 'WRITTEN_OFF' and closed_at >= :start and closed_at < :end%s group by currency"""
                        .formatted(coverage.entity("legal_entity")),
                coverage.addTo(new MapSqlParameterSource("start", calendar.startOf(period.from())).addValue("end", calendar.endOf(period.to()))),
                rs -> {
                    amounts.put(rs.getString("currency"), rs.getBigDecimal("amount"));
                });
        return amounts;
    }
}
