package com.collectiondesk.ledger;

import com.collectiondesk.ledger.InterestSettings.ReferenceRate;
import com.collectiondesk.ledger.InterestSettings.Rule;
import java.math.BigDecimal;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The configured rules expanded into {@code ledger_interest_rate}: for every product type and debtor kind, the rate
 * of each period (a reference-rate period, or one open period for a fixed rate), so the accrual's SQL joins a table
 * instead of knowing the rules. Rewritten when the service starts and before every daily accrual, only if it differs.
 */
@Component
class InterestRates {

    /** The first day of the open period of a fixed rate: before any invoice the ledger accepts. */
    static final LocalDate ALWAYS = RecordValidator.EARLIEST;

    record Row(String legalEntity, String productType, DebtorKind kind, LocalDate validFrom, String rule,
               BigDecimal annualRate) {
    }

    private final InterestSettings settings;
    private final List<String> productTypes;
    private final JdbcTemplate jdbc;
    private final LegalEntities entities;

    InterestRates(InterestSettings settings, LedgerSettings ledger, JdbcTemplate jdbc, LegalEntities entities) {
        this.entities = entities;
        this.settings = settings;
        this.productTypes = Stream.concat(ledger.productTypes().stream(), Stream.of("UNKNOWN")).toList();
        this.jdbc = jdbc;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Transactional
    public void store() {
        List<Row> rows = settings.enabled() ? rows() : List.of();
        if (!new java.util.HashSet<>(rows).equals(new java.util.HashSet<>(stored()))) {
            jdbc.update("delete from ledger_interest_rate");
            jdbc.batchUpdate("insert into ledger_interest_rate (legal_entity, product_type, debtor_kind, valid_from, rule,"
                    + " annual_rate, day_count, year_days) values (?, ?, ?, ?, ?, ?, ?, ?)", rows.stream().map(r -> new Object[] {
                    r.legalEntity(), r.productType(), r.kind().name(), Date.valueOf(r.validFrom()), r.rule(), r.annualRate(),
                    settings.dayCount().label(), settings.dayCount().yearDays()}).toList());
        }
    }

    List<Row> rows() {
        List<Row> rows = new ArrayList<>();
        List<ReferenceRate> reference = settings.referenceRates().stream()
                .sorted(Comparator.comparing(ReferenceRate::from)).toList();
        for (String entity : entities.codes()) {
            for (String productType : productTypes) {
                for (DebtorKind kind : DebtorKind.values()) {
                    Optional<Rule> rule = entities.interestRules(entity).stream().filter(r -> r.applies(productType, kind))
                            .findFirst();
                    rule.ifPresent(r -> rows.addAll(periods(r, entity, productType, kind, reference)));
                }
            }
        }
        return rows;
    }

    private static List<Row> periods(Rule rule, String entity, String productType, DebtorKind kind,
                                     List<ReferenceRate> reference) {
        if (rule.fixedRate() != null) {
            return List.of(new Row(entity, productType, kind, ALWAYS, rule.name(), capped(rule, rule.fixedRate())));
        }
        return reference.stream().map(period -> new Row(entity, productType, kind, period.from(), rule.name(),
                capped(rule, period.rate().add(rule.margin()).max(BigDecimal.ZERO)))).toList();
    }

    private static BigDecimal capped(Rule rule, BigDecimal rate) {
        BigDecimal capped = rule.maxRate() == null ? rate : rate.min(rule.maxRate());
        return capped.setScale(4, java.math.RoundingMode.HALF_UP);
    }

    private List<Row> stored() {
        return jdbc.query("select legal_entity, product_type, debtor_kind, valid_from, rule, annual_rate, day_count"
                        + " from ledger_interest_rate order by legal_entity, product_type, debtor_kind, valid_from",
                (rs, i) -> settings.dayCount().label().equals(rs.getString("day_count"))
                        ? new Row(rs.getString("legal_entity"), rs.getString("product_type"), DebtorKind.valueOf(rs.getString("debtor_kind")),
                        rs.getDate("valid_from").toLocalDate(), rs.getString("rule"), rs.getBigDecimal("annual_rate").setScale(4))
                        : null);
    }
}
