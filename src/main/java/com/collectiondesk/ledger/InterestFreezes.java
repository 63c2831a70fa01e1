package com.collectiondesk.ledger;

import java.sql.Date;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Days on which an invoice bears no late-payment interest (a hold for hardship or insolvency), keyed by who froze them;
 * the set-based accrual ({@link InterestAccrual}) leaves those days out. {@code frozen_to} null: until further notice.
 */
@Component
class InterestFreezes {

    private final JdbcTemplate jdbc;

    InterestFreezes(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void freeze(String key, Collection<Long> invoicePks, LocalDate from, LocalDate through) {
        List<Long> frozen = jdbc.queryForList("select invoice_fk from ledger_interest_freeze where freeze_key = ?", Long.class, key);
        List<Object[]> rows = invoicePks.stream().distinct().filter(pk -> !frozen.contains(pk))
                .map(pk -> new Object[] {key, pk, Date.valueOf(from), through == null ? null : Date.valueOf(through)}).toList();
        jdbc.batchUpdate("insert into ledger_interest_freeze (id, freeze_key, invoice_fk, frozen_from, frozen_to)"
                + " values (nextval('ledger_interest_freeze_seq'), ?, ?, ?, ?)", rows);
    }

    /** The key's freezes end after {@code through} (the day before collection resumed); answers their customers. */
    List<Long> end(String key, LocalDate through) {
        List<Long> customers = jdbc.queryForList("select distinct i.customer_fk from ledger_interest_freeze f"
                + " join invoice i on i.id = f.invoice_fk where f.freeze_key = ?", Long.class, key);
        jdbc.update("update ledger_interest_freeze set frozen_to = ? where freeze_key = ?"
                + " and (frozen_to is null or frozen_to > ?)", Date.valueOf(through), key, Date.valueOf(through));
        return customers;
    }
}
