package com.collectiondesk.report;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
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

    List<KpiRow> compute(Period period, EntityFilter.Coverage coverage) {
        List<KpiRow> rows = new ArrayList<>(recoveryTime(period, coverage));
        rows.addAll(promiseKeptRate(period, coverage));
        return rows;
    }

    private List<KpiRow> recoveryTime(Period period, EntityFilter.Coverage coverage) {
        List<Long> fromOpening = new ArrayList<>();
        List<Long> fromDueDate = new ArrayList<>();
        jdbc.query("""
                select t.opened_on, t.closed_at,
                       (select min(i.due_date) from rv_ticket_invoice ti join rv_invoice i on i.id = ti.invoice_fk
                        where ti.ticket_fk = t.id) as oldest_due
                from rv_ticket t
                where t.close_reason = 'PAID' and t.closed_at >= :start and t.closed_at < :end%s"""
                        .formatted(coverage.entity("t.legal_entity")),
                coverage.addTo(new MapSqlParameterSource("start", calendar.startOf(period.from())).addValue("end", calendar.endOf(period.to()))),
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
    private List<KpiRow> promiseKeptRate(Period period, EntityFilter.Coverage coverage) {
        List<KpiRow> rows = new ArrayList<>();
        jdbc.query("""
                select t.currency,
                       sum(p.kept) as kept,
                       sum(p.judged) as judged,
                       sum(case when p.kept = 1 then p.amount else 0 end) as kept_amount,
                       sum(case when p.judged = 1 then p.amount else 0 end) as judged_amount,
                       sum(case when p.status = 'PENDING' then 1 else 0 end) as pending
                from rv_promise p join rv_ticket t on t.id = p.ticket_fk
                where p.promised_date >= :from and p.promised_date <= :to and (p.judged = 1 or p.status = 'PENDING')%s
                group by t.currency order by t.currency""".formatted(coverage.entity("t.legal_entity")),
                coverage.addTo(new MapSqlParameterSource("from", period.from()).addValue("to", period.to())), rs -> {
                    String currency = rs.getString("currency");
                    long kept = rs.getLong("kept");
                    long judged = rs.getLong("judged");
                    BigDecimal keptAmount = rs.getBigDecimal("kept_amount");
                    BigDecimal judgedAmount = rs.getBigDecimal("judged_amount");
                    rows.add(new KpiRow("promise_kept_rate", currency, KpiRow.ALL, Amounts.percent(kept, judged), "%",
                            BigDecimal.valueOf(kept), BigDecimal.valueOf(judged)));
                    rows.add(new KpiRow("promise_kept_rate_amount", currency, KpiRow.ALL,
                            Amounts.percent(keptAmount, judgedAmount), "%", Amounts.money(keptAmount), Amounts.money(judgedAmount)));
                    rows.add(new KpiRow("promises_pending", currency, KpiRow.ALL, BigDecimal.valueOf(rs.getLong("pending")),
                            "promises", null, null));
                });
        return rows;
    }
}
