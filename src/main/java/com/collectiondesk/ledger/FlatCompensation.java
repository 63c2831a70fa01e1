package com.collectiondesk.ledger;

import java.sql.Date;
import java.time.LocalDate;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The flat compensation for recovery costs a business debtor owes per late invoice (EU Directive 2011/7/EU art. 6,
 * BGB §288 (5): 40 EUR): one fee per invoice in the configured currency (per legal entity) once it is overdue, keyed
 * {@code compensation:<invoice pk>}, charged set-based by the daily scan. Off by default.
 */
@Component
class FlatCompensation {

    private static final String CHARGE_DUE = """
            insert into ledger_charge (id, charge_key, invoice_fk, kind, source, rule, amount, currency, created_at)
            select nextval('ledger_charge_seq'), 'compensation:' || cast(i.id as varchar(20)), i.id, 'FEE', 'OURS', ?, ?,
                   i.currency, current_timestamp
            from invoice i join customer cu on cu.id = i.customer_fk
            where i.status in ('OPEN', 'PARTIALLY_PAID') and i.due_date < ? and i.currency = ? and cu.debtor_kind = 'BUSINESS'
              and not exists (select 1 from ledger_charge l where l.charge_key = 'compensation:' || cast(i.id as varchar(20)))""";

    private final JdbcTemplate jdbc;
    private final LegalEntities entities;

    FlatCompensation(JdbcTemplate jdbc, LegalEntities entities) {
        this.jdbc = jdbc;
        this.entities = entities;
    }

    /**
     * Charges every business invoice overdue on {@code today} that has none yet, by its legal entity's setting (on or
     * off, amount and currency; else the service's); answers how many it charged.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    int chargeDue(LocalDate today) {
        int charged = 0;
        for (String entity : entities.codes()) {
            CompensationSettings settings = entities.compensation(entity);
            if (settings.enabled()) {
                charged += jdbc.update(CHARGE_DUE + " and cu.legal_entity = ?", settings.rule(), settings.amount(),
                        Date.valueOf(today), settings.currency(), entity);
            }
        }
        return charged;
    }
}
