package com.collectiondesk.risk;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Recomputes every customer's behavioural score in a few set-based statements (no per-customer loop): the facts as
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
        jdbc.update("delete from risk_invoice_fact", Map.of());
        jdbc.update(INVOICES_AS_OF, day);
        jdbc.update("delete from risk_score", Map.of());
        int scored = jdbc.update(CUSTOMERS, day);
        FACTS.forEach(fact -> jdbc.update(fact, day));
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

    /**
     * The working set: each invoice issued by the day, with the day it was fully paid (its last payment by then) and its
     * open amount as of the day (its open amount now plus whatever was taken off it after the day). Payments and
     * take-offs are grouped once and joined: a subquery per invoice over the union view re-reads the union for every
     * invoice on H2 (quadratic).
     */
    private static final String INVOICES_AS_OF = "insert into risk_invoice_fact (invoice_fk, customer_fk, issue_date, due_date,"
            + " paid_on, open_as_of, written_off_on)"
            + " select i.id, i.customer_fk, i.issue_date, i.due_date, paid.last_paid_on,"
            + "   i.open_amount + coalesce(later.amount, 0), cast(i.written_off_at as date)"
            + " from ledger_invoice_v i"
            + " left join (select a.invoice_fk, max(a.paid_on) as last_paid_on from ledger_payment_allocation_v a"
            + "   where a.paid_on <= :asOf group by a.invoice_fk) paid on paid.invoice_fk = i.id"
            + " left join (select t.invoice_fk, sum(t.amount) as amount from ledger_taken_off_v t"
            + "   where t.taken_off_on > :asOf group by t.invoice_fk) later on later.invoice_fk = i.id"
            + " where i.issue_date <= :asOf";

    /** An invoice fully paid in the last twelve months, paid on the day of its last payment. */
    private static final String PAID_12M = "x.paid_on >= :from12 and x.open_as_of = 0";
    private static final String PAID_6M = PAID_12M + " and x.paid_on >= :from6";
    private static final String LATE_DAYS = "case when x.paid_on > x.due_date then " + days("x.paid_on", "x.due_date")
            + " else 0 end";
    /** Money still open on the day and not written off by then. */
    private static final String OPEN = "x.open_as_of > 0 and (x.written_off_on is null or x.written_off_on > :asOf)";

    /**
     * Everyone with an invoice by the day, with the invoice facts in one grouped pass: paid invoices and their lateness
     * (12 and 6 months), what was open (exposure, its overdue part, the oldest unpaid due date) and the first invoice.
     */
    private static final String CUSTOMERS = "insert into risk_score (customer_fk, score, score_version, as_of, paid_12m,"
            + " paid_late_12m, avg_days_late_12m, paid_6m, avg_days_late_6m, current_dpd, overdue_amount, exposure,"
            + " broken_promises, kept_promises, disputes_upheld, relapses, tenure_days)"
            + " select x.customer_fk, 0, :version, :asOf,"
            + " sum(case when " + PAID_12M + " then 1 else 0 end),"
            + " sum(case when " + PAID_12M + " and x.paid_on > x.due_date then 1 else 0 end),"
            + " coalesce(avg(case when " + PAID_12M + " then " + LATE_DAYS + " end), 0),"
            + " sum(case when " + PAID_6M + " then 1 else 0 end),"
            + " coalesce(avg(case when " + PAID_6M + " then " + LATE_DAYS + " end), 0),"
            + " coalesce(cast(" + days(":asOf", "min(case when " + OPEN + " and x.due_date < :asOf then x.due_date end)")
            + "   as integer), 0),"
            + " sum(case when " + OPEN + " and x.due_date < :asOf then x.open_as_of else 0 end),"
            + " sum(case when " + OPEN + " then x.open_as_of else 0 end),"
            + " 0, 0, 0, 0, cast(" + days(":asOf", "min(x.issue_date)") + " as integer)"
            + " from risk_invoice_fact x group by x.customer_fk";

    /** The facts kept by other modules: one correlated update each, on the tickets' customer index. */
    private static final List<String> FACTS = List.of(
            // promises judged, promised in the last twelve months
            "update risk_score set (broken_promises, kept_promises) = (select"
                    + " coalesce(sum(case when p.status = 'BROKEN' then 1 else 0 end), 0), coalesce(sum(p.kept), 0)"
                    + " from promise_facts_v p join ticket_facts_v t on t.id = p.ticket_fk"
                    + " where t.customer_fk = risk_score.customer_fk and p.judged = 1"
                    + " and p.promised_date < :asOf and p.promised_date >= :from12)",
            // disputes upheld in the last twelve months: money the debtor rightly refused to pay
            "update risk_score set disputes_upheld = (select count(*)"
                    + " from dispute_facts_v d join ticket_facts_v t on t.id = d.ticket_fk"
                    + " where t.customer_fk = risk_score.customer_fk and d.resolution = 'UPHELD'"
                    + " and cast(d.resolved_at as date) <= :asOf and cast(d.resolved_at as date) >= :from12)",
            // tickets closed as paid in the last twelve months after which the customer fell behind again
            "update risk_score set relapses = (select count(*) from ticket_facts_v c"
                    + " where c.customer_fk = risk_score.customer_fk and c.close_reason = 'PAID'"
                    + " and cast(c.closed_at as date) <= :asOf and cast(c.closed_at as date) >= :from12"
                    + " and exists (select 1 from ticket_facts_v n where n.customer_fk = c.customer_fk and n.id <> c.id"
                    + "   and n.opened_on >= cast(c.closed_at as date) and n.opened_on <= :asOf))");

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
