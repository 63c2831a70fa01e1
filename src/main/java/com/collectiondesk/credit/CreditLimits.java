package com.collectiondesk.credit;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The credit limits and their history as stored (tables credit_limit, credit_limit_change). */
@Component
@Transactional
class CreditLimits {

    /** A customer whose suggestion differs enough from its current limit, with no review under way. */
    record Due(long customerFk, String customerId, String name, String debtorKind, String legalEntity, String currency,
               BigDecimal currentLimit, BigDecimal suggestedLimit, int score, String scoreBand, BigDecimal exposure) {
    }

    /** A customer's limits now: the current one (null: the ERP has not said) and the last suggestion's basis. */
    record Current(long customerFk, String customerId, String legalEntity, String currency, BigDecimal currentLimit,
                   String currentSource, BigDecimal suggestedLimit, LocalDate suggestedOn, int score, String scoreVersion,
                   String scoreBand, BigDecimal invoiced12m, BigDecimal exposure, BigDecimal referenceAmount,
                   BigDecimal bandFactor, Long openChange) {
    }

    private static final String CHANGE = "select * from credit_limit_change";

    private final NamedParameterJdbcTemplate jdbc;

    CreditLimits(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    List<Due> due(LocalDate asOf, BigDecimal minChangePercent, int max) {
        return jdbc.query("select l.customer_fk, c.customer_id, c.name, c.debtor_kind, c.legal_entity, l.currency,"
                        + " l.current_limit, l.suggested_limit, l.score, l.score_band, l.exposure"
                        + " from credit_limit l join ledger_customer_credit_v c on c.id = l.customer_fk"
                        + " where l.suggested_on = :asOf and l.current_limit is not null and l.open_change_fk is null"
                        + " and l.suggested_limit <> l.current_limit"
                        + " and abs(l.suggested_limit - l.current_limit) * 100 >= :minChange * l.current_limit"
                        + " and (l.last_reviewed_limit is null or l.last_reviewed_limit <> l.suggested_limit)"
                        + " order by l.customer_fk limit :max",
                Map.of("asOf", asOf, "minChange", minChangePercent, "max", max),
                (rs, row) -> new Due(rs.getLong("customer_fk"), rs.getString("customer_id"), rs.getString("name"),
                        rs.getString("debtor_kind"), rs.getString("legal_entity"), rs.getString("currency"),
                        rs.getBigDecimal("current_limit"), rs.getBigDecimal("suggested_limit"), rs.getInt("score"),
                        rs.getString("score_band"), rs.getBigDecimal("exposure")));
    }

    /** Opens the review of a due change: its history entry, and the customer's review under way. */
    long open(Due due, Instant at) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.update("insert into credit_limit_change (customer_fk, status, from_limit, suggested_limit, score, score_band,"
                        + " created_at) values (:customer, :status, :from, :suggested, :score, :band, :at)",
                new MapSqlParameterSource(Map.of("customer", due.customerFk(), "status", CreditLimitChange.SUGGESTED,
                        "from", due.currentLimit(), "suggested", due.suggestedLimit(), "score", due.score(),
                        "band", due.scoreBand(), "at", Timestamp.from(at))), key, new String[] {"id"});
        long id = key.getKey().longValue();
        jdbc.update("update credit_limit set open_change_fk = :change, last_reviewed_limit = :suggested"
                + " where customer_fk = :customer", Map.of("change", id, "suggested", due.suggestedLimit(),
                "customer", due.customerFk()));
        return id;
    }

    Optional<CreditLimitChange> change(long id) {
        return jdbc.query(CHANGE + " where id = :id", Map.of("id", id), (rs, row) -> change(rs)).stream().findFirst();
    }

    List<CreditLimitChange> history(long customerFk) {
        return jdbc.query(CHANGE + " where customer_fk = :customer order by id desc", Map.of("customer", customerFk),
                (rs, row) -> change(rs));
    }

    Optional<Current> current(String customerId) {
        return jdbc.query("select l.*, c.customer_id, c.legal_entity from credit_limit l"
                        + " join ledger_customer_credit_v c on c.id = l.customer_fk where c.customer_id = :customer",
                Map.of("customer", customerId), (rs, row) -> new Current(rs.getLong("customer_fk"),
                        rs.getString("customer_id"), rs.getString("legal_entity"), rs.getString("currency"),
                        rs.getBigDecimal("current_limit"), rs.getString("current_source"),
                        rs.getBigDecimal("suggested_limit"), rs.getDate("suggested_on").toLocalDate(), rs.getInt("score"),
                        rs.getString("score_version"), rs.getString("score_band"), rs.getBigDecimal("invoiced_12m"),
                        rs.getBigDecimal("exposure"), rs.getBigDecimal("reference_amount"),
                        rs.getBigDecimal("band_factor"), (Long) rs.getObject("open_change_fk", Long.class)))
                .stream().findFirst();
    }

    /** What the credit-limit decision said: the manager decides, or the suggestion is approved as it is. */
    void ruleSaid(long id, boolean needsApproval, String reason, Instant at) {
        MapSqlParameterSource values = new MapSqlParameterSource(Map.of("id", id, "reason", reason, "at",
                Timestamp.from(at)));
        if (needsApproval) {
            jdbc.update("update credit_limit_change set status = '" + CreditLimitChange.NEEDS_APPROVAL + "',"
                    + " rule_reason = :reason where id = :id", values);
        } else {
            jdbc.update("update credit_limit_change set status = '" + CreditLimitChange.APPROVED_AUTOMATICALLY + "',"
                    + " rule_reason = :reason, approved_limit = suggested_limit, decided_by = '" + AUTOMATIC + "',"
                    + " decided_at = :at where id = :id", values);
        }
    }

    static final String AUTOMATIC = "credit-limit rule";

    /** The manager's decision; a rejected change ends the customer's review (the current limit stays). */
    void decided(long id, String status, BigDecimal approvedLimit, String by, String note, Instant at) {
        MapSqlParameterSource values = new MapSqlParameterSource().addValue("id", id).addValue("status", status)
                .addValue("approved", approvedLimit).addValue("by", by).addValue("note", note)
                .addValue("at", Timestamp.from(at));
        jdbc.update("update credit_limit_change set status = :status, approved_limit = :approved, decided_by = :by,"
                + " note = :note, decided_at = :at where id = :id", values);
        if (approvedLimit == null) {
            endReview(id);
        }
    }

    /** The ERP took the approved limit: it is the customer's current limit now, and the review is over. */
    void toldErp(CreditLimitChange change, Instant at) {
        jdbc.update("update credit_limit_change set told_erp_at = :at where id = :id",
                Map.of("id", change.id(), "at", Timestamp.from(at)));
        jdbc.update("update credit_limit set current_limit = :limit, current_source = 'APPROVED'"
                + " where customer_fk = :customer", Map.of("limit", change.approvedLimit(), "customer", change.customerFk()));
        endReview(change.id());
    }

    private void endReview(long id) {
        jdbc.update("update credit_limit set open_change_fk = null where open_change_fk = :id", Map.of("id", id));
    }

    private static CreditLimitChange change(ResultSet rs) throws SQLException {
        return new CreditLimitChange(rs.getLong("id"), rs.getLong("customer_fk"), rs.getString("status"),
                rs.getBigDecimal("from_limit"), rs.getBigDecimal("suggested_limit"), rs.getBigDecimal("approved_limit"),
                rs.getObject("score", Integer.class), rs.getString("score_band"), rs.getString("rule_reason"),
                rs.getString("decided_by"), rs.getString("note"), instant(rs, "created_at"), instant(rs, "decided_at"),
                instant(rs, "told_erp_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp at = rs.getTimestamp(column);
        return at == null ? null : at.toInstant();
    }
}
