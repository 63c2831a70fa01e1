package com.collectiondesk.credit;

import com.collectiondesk.credit.CreditSettings.Bands;
import com.collectiondesk.system.BusinessClock;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Recomputes every scored customer's suggested credit limit in a few set-based statements, right after the
 * behavioural score: the ERP's own limit changes first (kept in the history), then each customer's basis (invoiced in
 * 12 months and open money in the limit's currency), the score band and its factor, and the suggestion. Formula:
 * README, "Credit limits from the score"; parameters {@link CreditSettings}.
 */
@Service
@Transactional
public class CreditLimitSuggestions {

    static final String LOW = "LOW", MEDIUM = "MEDIUM", HIGH = "HIGH", VERY_HIGH = "VERY_HIGH";

    private final NamedParameterJdbcTemplate jdbc;
    private final CreditSettings settings;
    private final BusinessClock clock;

    CreditLimitSuggestions(NamedParameterJdbcTemplate jdbc, CreditSettings settings, BusinessClock clock) {
        this.jdbc = jdbc;
        this.settings = settings;
        this.clock = clock;
    }

    /** Suggests a limit for every customer the score has scored; returns how many. */
    public int recompute(LocalDate asOf) {
        Map<String, Object> day = parameters(asOf);
        jdbc.update(NEW_CUSTOMERS, day);
        jdbc.update(ERP_CHANGES, day);
        jdbc.update(ERP_LIMITS, day);
        int suggested = jdbc.update(SCORES, day);
        BASIS.forEach(statement -> jdbc.update(statement, day));
        return suggested;
    }

    private Map<String, Object> parameters(LocalDate asOf) {
        Bands bands = settings.bands();
        Map<String, Object> day = new HashMap<>();
        day.put("asOf", asOf);
        day.put("from12", asOf.minusMonths(12));
        day.put("now", Timestamp.from(clock.now()));
        day.put("currency", settings.currency());
        day.put("months", settings.monthsOfSales());
        day.put("rounding", settings.rounding());
        day.put("maxLimit", settings.maxLimit());
        day.put("lowBelow", bands.lowBelow());
        day.put("mediumBelow", bands.mediumBelow());
        day.put("highBelow", bands.highBelow());
        day.put("lowFactor", bands.lowFactor());
        day.put("mediumFactor", bands.mediumFactor());
        day.put("highFactor", bands.highFactor());
        day.put("veryHighFactor", bands.veryHighFactor());
        return day;
    }

    private static final String NEW_CUSTOMERS = "insert into credit_limit (customer_fk, currency, score, score_version,"
            + " score_band, invoiced_12m, exposure, reference_amount, band_factor, suggested_limit, suggested_on)"
            + " select s.customer_fk, :currency, s.score, s.score_version, '" + LOW + "', 0, 0, 0, 0, 0, s.as_of"
            + " from risk_score_v s where not exists (select 1 from credit_limit l where l.customer_fk = s.customer_fk)";

    /** The ERP's limit differs from the one it last gave: its change enters the history and becomes current. */
    private static final String ERP_LIMIT_CHANGED = " c.credit_limit is not null"
            + " and (credit_limit.erp_limit is null or credit_limit.erp_limit <> c.credit_limit)";

    private static final String ERP_CHANGES = "insert into credit_limit_change (customer_fk, status, from_limit,"
            + " approved_limit, decided_by, created_at, decided_at)"
            + " select credit_limit.customer_fk, 'FROM_ERP', credit_limit.current_limit, c.credit_limit, 'ERP', :now, :now"
            + " from credit_limit join ledger_customer_credit_v c on c.id = credit_limit.customer_fk where" + ERP_LIMIT_CHANGED;

    private static final String ERP_LIMITS = "update credit_limit set (current_limit, erp_limit) = (select c.credit_limit,"
            + " c.credit_limit from ledger_customer_credit_v c where c.id = credit_limit.customer_fk), current_source = 'ERP'"
            + " where exists (select 1 from ledger_customer_credit_v c where c.id = credit_limit.customer_fk and"
            + ERP_LIMIT_CHANGED + ")";

    private static final String SCORES = "update credit_limit set (score, score_version, suggested_on) = (select s.score,"
            + " s.score_version, :asOf from risk_score_v s where s.customer_fk = credit_limit.customer_fk)"
            + " where exists (select 1 from risk_score_v s where s.customer_fk = credit_limit.customer_fk)";

    private static final String TODAY = " where suggested_on = :asOf";

    private static final List<String> BASIS = List.of(
            // invoiced in the 12 months to the day and open now, in the limit's currency
            "update credit_limit set invoiced_12m = (select coalesce(sum(i.amount), 0) from ledger_invoice_v i"
                    + " where i.customer_fk = credit_limit.customer_fk and i.currency = :currency"
                    + " and i.issue_date > :from12 and i.issue_date <= :asOf),"
                    + " exposure = (select coalesce(sum(i.open_amount), 0) from ledger_invoice_v i"
                    + " where i.customer_fk = credit_limit.customer_fk and i.currency = :currency"
                    + " and i.written_off_at is null)" + TODAY,
            "update credit_limit set"
                    + " score_band = case when score < :lowBelow then '" + LOW + "' when score < :mediumBelow then '"
                    + MEDIUM + "' when score < :highBelow then '" + HIGH + "' else '" + VERY_HIGH + "' end,"
                    + " band_factor = case when score < :lowBelow then :lowFactor when score < :mediumBelow then"
                    + " :mediumFactor when score < :highBelow then :highFactor else :veryHighFactor end" + TODAY,
            "update credit_limit set reference_amount = greatest(exposure, round(invoiced_12m * :months / 12, 2))" + TODAY,
            "update credit_limit set suggested_limit = least(:maxLimit,"
                    + " floor(reference_amount * band_factor / :rounding) * :rounding)" + TODAY);
}
