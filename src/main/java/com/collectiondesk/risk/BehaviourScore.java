package com.collectiondesk.risk;

import java.time.LocalDate;
import java.util.Map;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Recomputes every customer's behavioural score in three set-based statements (no per-customer loop): the facts as
 * of a day, read only from what was known that day (payments and cancellations after it are added back), then each
 * part's points from the configured weights, then their sum clamped to 0–1000. Formula: README, "Behavioural risk score".
 */
@Service
@Transactional
public class BehaviourScore {

    /** Bumped when the formula (not the weights) changes; the weights' fingerprint follows it in the stored version. */
    static final String FORMULA = "1";
    /** Where a part saturates: its fact at or beyond this gives the part's full weight. */
    static final int DAYS_LATE_FULL = 60, TREND_FULL = 30, DPD_FULL = 90, BROKEN_FULL = 3, KEPT_FULL = 3,
            DISPUTES_FULL = 2, RELAPSES_FULL = 2, TENURE_FULL = 365;

    private final NamedParameterJdbcTemplate jdbc;
    private final RiskSettings settings;

    BehaviourScore(NamedParameterJdbcTemplate jdbc, RiskSettings settings) {
        this.jdbc = jdbc;
        this.settings = settings;
    }

    /** Replaces all scores with those as of {@code asOf}; returns how many customers were scored. */
    public int recompute(LocalDate asOf) {
        MapSqlParameterSource day = new MapSqlParameterSource(Map.of("asOf", asOf, "from12", asOf.minusMonths(12),
                "from6", asOf.minusMonths(6), "version", version()));
        jdbc.update("delete from risk_score", Map.of());
        int scored = jdbc.update(FACTS, day);
        jdbc.update(POINTS, weights());
        jdbc.update("update risk_score set score = greatest(0, least(1000, points_days_late + points_trend"
                + " + points_late_share + points_dpd + points_overdue + points_broken + points_relapses + points_tenure"
                + " - points_kept - points_disputes))", Map.of());
        return scored;
    }

    String version() {
        return FORMULA + "/" + settings.weights().fingerprint();
    }

    /** Whole days from {@code earlier} to {@code later}, in SQL both H2 and PostgreSQL accept. */
    private static String days(String later, String earlier) {
        return "((extract(epoch from cast(" + later + " as timestamp)) - extract(epoch from cast(" + earlier
                + " as timestamp))) / 86400)";
    }

    /** An invoice's open amount as of the day: its open amount now plus whatever was taken off it after the day. */
    private static final String OPEN_AS_OF = "(i.open_amount + coalesce(later.amount, 0))";
    private static final String TAKEN_OFF_LATER = " left join (select invoice_fk, sum(amount) as amount"
            + " from ledger_taken_off_v where taken_off_on > :asOf group by invoice_fk) later on later.invoice_fk = i.id";

    private static final String FACTS = "insert into risk_score (customer_fk, score, score_version, as_of, paid_12m,"
            + " paid_late_12m, avg_days_late_12m, paid_6m, avg_days_late_6m, current_dpd, overdue_amount, exposure,"
            + " broken_promises, kept_promises, disputes_upheld, relapses, tenure_days)"
            + " select f.customer_fk, 0, :version, :asOf,"
            + " coalesce(paid.paid_12m, 0), coalesce(paid.late_12m, 0), coalesce(paid.avg_late_12m, 0),"
            + " coalesce(paid.paid_6m, 0), case when paid.paid_6m > 0 then 1.0 * paid.late_days_6m / paid.paid_6m else 0 end,"
            + " case when pos.oldest_due is null then 0 else cast(" + days(":asOf", "pos.oldest_due") + " as integer) end,"
            + " coalesce(pos.overdue, 0), coalesce(pos.exposure, 0),"
            + " coalesce(prom.broken, 0), coalesce(prom.kept, 0), coalesce(disp.upheld, 0), coalesce(rel.relapses, 0),"
            + " cast(" + days(":asOf", "f.first_issue") + " as integer)"
            // tenure: the customer is scored from their first invoice on
            + " from (select customer_fk, min(issue_date) as first_issue from ledger_invoice_v"
            + "       where issue_date <= :asOf group by customer_fk) f"
            // invoices fully paid by the day, each paid on the day of its last payment
            + " left join (select i.customer_fk, count(*) as paid_12m,"
            + "       sum(case when p.paid_on > i.due_date then 1 else 0 end) as late_12m,"
            + "       avg(case when p.paid_on > i.due_date then " + days("p.paid_on", "i.due_date") + " else 0 end) as avg_late_12m,"
            + "       sum(case when p.paid_on >= :from6 then 1 else 0 end) as paid_6m,"
            + "       sum(case when p.paid_on >= :from6 and p.paid_on > i.due_date then " + days("p.paid_on", "i.due_date")
            + "           else 0 end) as late_days_6m"
            + "     from ledger_invoice_v i"
            + "     join (select invoice_fk, max(paid_on) as paid_on from ledger_payment_allocation_v"
            + "           where paid_on <= :asOf group by invoice_fk) p on p.invoice_fk = i.id"
            + TAKEN_OFF_LATER
            + "     where p.paid_on >= :from12 and " + OPEN_AS_OF + " = 0"
            + "     group by i.customer_fk) paid on paid.customer_fk = f.customer_fk"
            // what was open on the day: exposure, the overdue part and the oldest unpaid due date
            + " left join (select i.customer_fk, sum(" + OPEN_AS_OF + ") as exposure,"
            + "       sum(case when i.due_date < :asOf then " + OPEN_AS_OF + " else 0 end) as overdue,"
            + "       min(case when i.due_date < :asOf then i.due_date end) as oldest_due"
            + "     from ledger_invoice_v i" + TAKEN_OFF_LATER
            + "     where i.issue_date <= :asOf and " + OPEN_AS_OF + " > 0"
            + "       and (i.written_off_at is null or cast(i.written_off_at as date) > :asOf)"
            + "     group by i.customer_fk) pos on pos.customer_fk = f.customer_fk"
            // promises judged in the last twelve months
            + " left join (select t.customer_fk, sum(case when p.status = 'BROKEN' then 1 else 0 end) as broken,"
            + "       sum(p.kept) as kept"
            + "     from promise_facts_v p join ticket_facts_v t on t.id = p.ticket_fk"
            + "     where p.judged = 1 and p.promised_date < :asOf and p.promised_date >= :from12"
            + "     group by t.customer_fk) prom on prom.customer_fk = f.customer_fk"
            // disputes upheld in the last twelve months: money the debtor rightly refused to pay
            + " left join (select t.customer_fk, count(*) as upheld"
            + "     from dispute_facts_v d join ticket_facts_v t on t.id = d.ticket_fk"
            + "     where d.resolution = 'UPHELD' and cast(d.resolved_at as date) <= :asOf"
            + "       and cast(d.resolved_at as date) >= :from12"
            + "     group by t.customer_fk) disp on disp.customer_fk = f.customer_fk"
            // tickets closed as paid in the last twelve months after which the customer fell behind again
            + " left join (select c.customer_fk, count(*) as relapses"
            + "     from ticket_facts_v c"
            + "     where c.close_reason = 'PAID' and cast(c.closed_at as date) <= :asOf"
            + "       and cast(c.closed_at as date) >= :from12"
            + "       and exists (select 1 from ticket_facts_v n where n.customer_fk = c.customer_fk and n.id <> c.id"
            + "                   and n.opened_on >= cast(c.closed_at as date) and n.opened_on <= :asOf)"
            + "     group by c.customer_fk) rel on rel.customer_fk = f.customer_fk";

    /** Each part: weight × its fact's share of the saturation point, capped at 1 (README). */
    private static String part(String weight, String fact, int full) {
        return "cast(round(:" + weight + " * least(1.0, 1.0 * (" + fact + ") / " + full + ")) as integer)";
    }

    private static final String POINTS = "update risk_score set"
            + " points_days_late = " + part("daysLate", "avg_days_late_12m", DAYS_LATE_FULL) + ","
            + " points_trend = case when paid_6m > 0 and avg_days_late_6m > avg_days_late_12m then "
            + part("trend", "avg_days_late_6m - avg_days_late_12m", TREND_FULL) + " else 0 end,"
            + " points_late_share = case when paid_12m > 0 then "
            + "cast(round(:lateShare * 1.0 * paid_late_12m / paid_12m) as integer) else 0 end,"
            + " points_dpd = " + part("currentDpd", "current_dpd", DPD_FULL) + ","
            + " points_overdue = case when exposure > 0 then cast(round(:overdueShare * overdue_amount / exposure) as integer)"
            + " else 0 end,"
            + " points_broken = " + part("brokenPromises", "broken_promises", BROKEN_FULL) + ","
            + " points_kept = " + part("keptPromises", "kept_promises", KEPT_FULL) + ","
            + " points_disputes = " + part("disputesUpheld", "disputes_upheld", DISPUTES_FULL) + ","
            + " points_relapses = " + part("relapses", "relapses", RELAPSES_FULL) + ","
            + " points_tenure = case when tenure_days >= " + TENURE_FULL + " then 0 else cast(round(:tenure * (1.0 - 1.0 * "
            + "tenure_days / " + TENURE_FULL + ")) as integer) end";

    private Map<String, Object> weights() {
        RiskSettings.Weights w = settings.weights();
        return Map.of("daysLate", w.daysLate(), "trend", w.trend(), "lateShare", w.lateShare(),
                "currentDpd", w.currentDpd(), "overdueShare", w.overdueShare(), "brokenPromises", w.brokenPromises(),
                "keptPromises", w.keptPromises(), "disputesUpheld", w.disputesUpheld(), "relapses", w.relapses(),
                "tenure", w.tenure());
    }
}
