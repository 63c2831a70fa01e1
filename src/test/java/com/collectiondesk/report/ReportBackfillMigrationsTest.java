package com.collectiondesk.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/** Migrations that add facts the reports need derive them for the data already there (run on H2 here, by hand on PostgreSQL). */
class ReportBackfillMigrationsTest {

    private final JdbcDataSource database = new JdbcDataSource();
    private final JdbcTemplate jdbc = new JdbcTemplate(database);

    @Test
    void ticketsOpenedBeforeV44GetTheOverdueAmountOfTheirOpeningDay() {
        customerAtVersion("43");
        // opened 1 June: I1 (1000, due 1 May, 400 paid on 10 May, 300 on 5 June) was overdue, I2 (due 15 June) not yet
        invoice(jdbc, 1, "2026-05-01", "1000");
        invoice(jdbc, 2, "2026-06-15", "500");
        payment(jdbc, 1, 1, "400", "2026-05-10");
        payment(jdbc, 2, 1, "300", "2026-06-05");
        ticket(jdbc, 1, "2026-06-01");
        jdbc.update("insert into ticket_invoice (ticket_fk, invoice_fk) values (1, 1), (1, 2)");
        ticket(jdbc, 2, "2026-06-20");

        migrateTo("44");

        assertThat(jdbc.queryForObject("select overdue_at_entry from ticket where id = 1", BigDecimal.class))
                .isEqualByComparingTo("600");
        assertThat(jdbc.queryForObject("select overdue_at_entry from ticket where id = 2", BigDecimal.class))
                .as("a ticket without invoices").isEqualByComparingTo("0");
    }

    @Test
    void cancellationsMadeBeforeV45AreDatedByTheirUpheldDispute() {
        customerAtVersion("44");
        invoice(jdbc, 1, "2026-05-01", "1000");
        invoice(jdbc, 2, "2026-05-10", "500");
        jdbc.update("update invoice set open_amount = 700, cancelled_amount = 300, updated_at = ? where id = 1",
                java.sql.Timestamp.valueOf("2026-06-20 09:00:00"));
        jdbc.update("update invoice set open_amount = 400, cancelled_amount = 100, updated_at = ? where id = 2",
                java.sql.Timestamp.valueOf("2026-06-21 09:00:00"));
        jdbc.update("""
                insert into ticket (id, ticket_number, customer_fk, status, currency, overdue_amount, overdue_at_entry, max_dpd,
                                    bucket, product_type, opened_on, created_at, updated_at)
                values (1, 'T-1', 1, 'OPEN', 'EUR', 700, 1000, 31, '31-60', 'UNKNOWN', date '2026-06-01', current_timestamp,
                        current_timestamp)""");
        jdbc.update("insert into ticket_invoice (ticket_fk, invoice_fk) values (1, 1)");
        jdbc.update("""
                insert into dispute (id, ticket_fk, reason, amount, resolution, author, created_at, resolved_at)
                values (1, 1, 'Never delivered', 300, 'UPHELD', 'dora', ?, ?)""",
                java.sql.Timestamp.valueOf("2026-06-05 10:00:00"), java.sql.Timestamp.valueOf("2026-06-12 10:00:00"));

        migrateTo("45");

        assertThat(jdbc.queryForList("select invoice_fk, amount, cancelled_on from invoice_cancellation order by invoice_fk")
                .stream().map(row -> row.get("invoice_fk") + " " + ((BigDecimal) row.get("amount")).toPlainString() + " "
                        + row.get("cancelled_on")).toList())
                .as("dated by the upheld dispute, else by the invoice's last change")
                .containsExactly("1 300.00 2026-06-12", "2 100.00 2026-06-21");
    }

    @Test
    void allocationsMadeBeforeV46GetTheirPaymentsDay() {
        customerAtVersion("45");
        invoice(jdbc, 1, "2026-05-01", "1000");
        payment(jdbc, 1, 1, "400", "2026-05-10");
        payment(jdbc, 2, 1, "300", "2026-06-05");

        migrateTo("46");

        assertThat(jdbc.queryForList("select paid_on from payment_allocation order by id", java.sql.Date.class))
                .extracting(java.sql.Date::toString).containsExactly("2026-05-10", "2026-06-05");
    }

    /** A new database migrated up to {@code version}, with one customer. */
    private void customerAtVersion(String version) {
        database.setURL("jdbc:h2:mem:" + java.util.UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        migrateTo(version);
        jdbc.update("""
                insert into customer (id, customer_id, name, language, country, time_zone, address, created_at, updated_at)
                values (1, 'C-1', 'Alpha', 'en', 'BG', 'Europe/Sofia', 'Street 1', current_timestamp, current_timestamp)""");
    }

    private void migrateTo(String version) {
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
