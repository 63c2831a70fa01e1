package com.collectiondesk.report;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Average and median recovery time over tickets closed as paid in the period (days from opening, and from the
 * oldest invoice's due date), and the promise-kept rate (count and amount) of promises due in the period.
 */
@Component
class RecoveryKpis {

    private final NamedParameterJdbcTemplate jdbc;
    private final BusinessCalendar calendar;

    RecoveryKpis(NamedParameterJdbcTemplate jdbc, BusinessCalendar calendar) {
        this.jdbc = jdbc;
        this.calendar = calendar;
    }

    List<KpiRow> compute(Period period) {
        List<KpiRow> rows = new ArrayList<>(recoveryTime(period));
        rows.addAll(promiseKeptRate(period));
        return rows;
    }

    private List<KpiRow> recoveryTime(Period period) {
        List<Long> fromOpening = new ArrayList<>();
        List<Long> fromDueDate = new ArrayList<>();
        jdbc.query("""
                select t.opened_on, t.closed_at,
                       (select min(i.due_date) from ticket_invoice ti join invoice i on i.id = ti.invoice_fk
                        where ti.ticket_fk = t.id) as oldest_due
                from ticket t
                where t.close_reason = 'PAID' and t.closed_at >= :start and t.closed_at < :end""",
                new MapSqlParameterSource("start", calendar.startOf(period.from())).addValue("end", calendar.endOf(period.to())),
                rs -> {
                    LocalDate paid = calendar.dateOf(rs.getTimestamp("closed_at"));
                    fromOpening.add(ChronoUnit.DAYS.between(rs.getDate("opened_on").toLocalDate(), paid));
                    java.sql.Date oldestDue = rs.getDate("oldest_due");
                    if (oldestDue != null) {
                        fromDueDate.add(ChronoUnit.DAYS.between(oldestDue.toLocalDate(), paid));
                    }
                });
        Collections.sort(fromOpening);
        Collections.sort(fromDueDate);
        BigDecimal count = BigDecimal.valueOf(fromOpening.size());
        return List.of(
                new KpiRow("recovery_days_average", null, KpiRow.ALL, KpiFormulas.mean(fromOpening), "days", null, count),
                new KpiRow("recovery_days_median", null, KpiRow.ALL, KpiFormulas.median(fromOpening), "days", null, count),
                new KpiRow("recovery_days_from_due_average", null, KpiRow.ALL, KpiFormulas.mean(fromDueDate), "days", null,
                        BigDecimal.valueOf(fromDueDate.size())),
                new KpiRow("recovery_days_from_due_median", null, KpiRow.ALL, KpiFormulas.median(fromDueDate), "days", null,
                        BigDecimal.valueOf(fromDueDate.size())));
    }

    /**
     * Promises due in the period that the promise check has judged: KEPT / (KEPT + BROKEN). Cancelled promises
     * are left out, and pending ones (still inside their grace days) are counted apart, not as broken.
     */
    private List<KpiRow> promiseKeptRate(Period period) {
        record Tally(long[] counts, BigDecimal[] amounts) {
        }
        Map<String, Tally> byCurrency = new TreeMap<>();
        jdbc.query("""
                select t.currency, p.status, count(*) as promises, sum(p.amount) as amount
                from promise p join ticket t on t.id = p.ticket_fk
                where p.promised_date >= :from and p.promised_date <= :to and p.status in ('KEPT', 'BROKEN', 'PENDING')
                group by t.currency, p.status""",
                new MapSqlParameterSource("from", period.from()).addValue("to", period.to()), rs -> {
                    Tally tally = byCurrency.computeIfAbsent(rs.getString("currency"), c -> new Tally(new long[3],
                            new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO}));
                    int index = List.of("KEPT", "BROKEN", "PENDING").indexOf(rs.getString("status"));
                    tally.counts()[index] += rs.getLong("promises");
                    tally.amounts()[index] = tally.amounts()[index].add(rs.getBigDecimal("amount"));
                });
        List<KpiRow> rows = new ArrayList<>();
        byCurrency.forEach((currency, tally) -> {
            long judged = tally.counts()[0] + tally.counts()[1];
            BigDecimal judgedAmount = tally.amounts()[0].add(tally.amounts()[1]);
            rows.add(new KpiRow("promise_kept_rate", currency, KpiRow.ALL, Amounts.percent(tally.counts()[0], judged), "%",
                    BigDecimal.valueOf(tally.counts()[0]), BigDecimal.valueOf(judged)));
            rows.add(new KpiRow("promise_kept_rate_amount", currency, KpiRow.ALL,
                    Amounts.percent(tally.amounts()[0], judgedAmount), "%", Amounts.money(tally.amounts()[0]),
                    Amounts.money(judgedAmount)));
            rows.add(new KpiRow("promises_pending", currency, KpiRow.ALL, BigDecimal.valueOf(tally.counts()[2]), "promises",
                    null, null));
        });
        return rows;
    }

}
