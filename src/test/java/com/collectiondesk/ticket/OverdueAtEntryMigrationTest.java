package com.collectiondesk.ticket;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/** Tickets opened before V44 get what they were opened with, worked out from their invoices and payments. */
class OverdueAtEntryMigrationTest {

    @Test
    void backfillsTheOverdueAmountOnTheOpeningDay() {
        JdbcDataSource database = new JdbcDataSource();
        database.setURL("jdbc:h2:mem:overdue-at-entry;DB_CLOSE_DELAY=-1");
        JdbcTemplate jdbc = new JdbcTemplate(database);
        migrateTo(database, "43");
        jdbc.update("""
                insert into customer (id, customer_id, name, language, country, time_zone, address, created_at, updated_at)
                values (1, 'C-1', 'Alpha', 'en', 'BG', 'Europe/Sofia', 'Street 1', current_timestamp, current_timestamp)""");
        // opened 1 June: I1 (1000, due 1 May, 400 paid on 10 May, 300 on 5 June) was overdue, I2 (due 15 June) not yet
        invoice(jdbc, 1, "2026-05-01", "1000");
        invoice(jdbc, 2, "2026-06-15", "500");
        payment(jdbc, 1, 1, "400", "2026-05-10");
        payment(jdbc, 2, 1, "300", "2026-06-05");
        ticket(jdbc, 1, "2026-06-01");
        jdbc.update("insert into ticket_invoice (ticket_fk, invoice_fk) values (1, 1), (1, 2)");
        ticket(jdbc, 2, "2026-06-20");

        migrateTo(database, "44");

        assertThat(jdbc.queryForObject("select overdue_at_entry from ticket where id = 1", BigDecimal.class))
                .isEqualByComparingTo("600");
        assertThat(jdbc.queryForObject("select overdue_at_entry from ticket where id = 2", BigDecimal.class))
                .as("a ticket without invoices").isEqualByComparingTo("0");
    }

    private static void migrateTo(JdbcDataSource database, String version) {
        Flyway.configure().dataSource(database).locations("classpath:db/migration").target(version).load().migrate();
    }

    private static void invoice(JdbcTemplate jdbc, long id, String due, String amount) {
        jdbc.update("""
                insert into invoice (id, invoice_number, customer_fk, issue_date, due_date, amount, open_amount, currency,
                                     status, created_at, updated_at)
                values (?, ?, 1, ?, ?, ?, ?, 'EUR', 'OPEN', current_timestamp, current_timestamp)""",
                id, "I-" + id, LocalDate.parse(due).minusDays(14), LocalDate.parse(due), new BigDecimal(amount),
                new BigDecimal(amount));
    }

    private static void payment(JdbcTemplate jdbc, long id, long invoice, String amount, String paidOn) {
        jdbc.update("insert into payment (id, payment_id, customer_fk, amount, unallocated_amount, currency, paid_on, created_at)"
                + " values (?, ?, 1, ?, 0, 'EUR', ?, current_timestamp)", id, "P-" + id, new BigDecimal(amount),
                LocalDate.parse(paidOn));
        jdbc.update("insert into payment_allocation (id, payment_fk, invoice_fk, amount, allocated_at)"
                + " values (?, ?, ?, ?, current_timestamp)", id, id, invoice, new BigDecimal(amount));
    }

    private static void ticket(JdbcTemplate jdbc, long id, String openedOn) {
        jdbc.update("""
                insert into ticket (id, ticket_number, customer_fk, status, currency, overdue_amount, max_dpd, bucket,
                                    product_type, opened_on, created_at, updated_at)
                values (?, ?, 1, 'OPEN', 'EUR', 0, 0, 'current', 'UNKNOWN', ?, current_timestamp, current_timestamp)""",
                id, "T-" + id, LocalDate.parse(openedOn));
    }
}
