package com.collectiondesk.outreach;

import static org.assertj.core.api.Assertions.assertThat;

import com.collectiondesk.support.EmbeddedPostgresDatabases;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * V50 keeps every send's facts on its one outbox row, on H2 and PostgreSQL: the delivery status Twilio had
 * reported moves there, a send recorded before the outbox existed gets its row, a reply keeps the debtor's words,
 * and contact_attempt no longer holds a copy of any of it.
 */
class OneRecordPerSendMigrationTest {

    private static final Timestamp SENT_AT = Timestamp.from(Instant.parse("2026-03-02T07:00:00Z"));

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"H2", "PostgreSQL"})
    void theSendsOfV48AreStoredOnceWithTheirDeliveryStatus(String engine) {
        DataSource database = database(engine);
        JdbcTemplate jdbc = new JdbcTemplate(database);
        migrateTo(database, "48");
        jdbc.update("""
                insert into customer (id, customer_id, name, language, country, time_zone, address, created_at, updated_at)
                values (1, 'C-1', 'Alpha', 'en', 'BG', 'Europe/Sofia', 'Street 1', current_timestamp, current_timestamp)""");
        jdbc.update("""
                insert into ticket (id, ticket_number, customer_fk, status, currency, overdue_amount, overdue_at_entry, max_dpd,
                                    bucket, product_type, opened_on, created_at, updated_at)
                values (1, 'T-1', 1, 'OPEN', 'EUR', 300, 300, 20, '1-30', 'UNKNOWN', date '2026-03-01', current_timestamp,
                        current_timestamp)""");
        // an SMS through the outbox, delivered; a letter recorded before the outbox existed; a reply; a call
        attempt(jdbc, 1, "T-1:1:0:SMS", "SMS", "SENT", "Please pay 300.00", "SM1", "delivered", 1, false, "OUTBOUND");
        jdbc.update("""
                insert into outreach_send (send_key, ticket_number, channel, status, provider_id, rendered_text, segments,
                                           sandbox, tries, claimed_at, accepted_at)
                values ('T-1:1:0:SMS', 'T-1', 'SMS', 'ACCEPTED', 'SM1', 'Please pay 300.00', 1, false, 1, ?, ?)""", SENT_AT, SENT_AT);
        attempt(jdbc, 2, "T-1:1:2:LETTER", "LETTER", "SENT", "Formal letter", "letter:T-1", null, 0, true, "OUTBOUND");
        attempt(jdbc, 3, "inbound:SM9:1", "SMS", "REPLY", "I paid yesterday", "SM9", null, 0, false, "INBOUND");
        attempt(jdbc, 4, "call:1", "CALL", "REACHED", null, null, null, 0, false, "OUTBOUND");

        migrateTo(database, "50");

        assertThat(jdbc.queryForList("""
                select send_key, ticket_number, channel, status, provider_id, rendered_text, segments, sandbox, delivery_status
                from outreach_send order by send_key""").stream()
                .map(row -> row.values().stream().map(String::valueOf).collect(Collectors.joining(" | "))).toList())
                .containsExactly("T-1:1:0:SMS | T-1 | SMS | ACCEPTED | SM1 | Please pay 300.00 | 1 | false | delivered",
                        "T-1:1:2:LETTER | T-1 | LETTER | ACCEPTED | letter:T-1 | Formal letter | 0 | true | null");
        assertThat(jdbc.queryForObject("select claimed_at from outreach_send where send_key = 'T-1:1:2:LETTER'", Timestamp.class))
                .isEqualTo(SENT_AT);
        assertThat(jdbc.queryForList("select send_key, reply_text from contact_attempt order by id").stream()
                .map(row -> row.get("send_key") + " " + row.get("reply_text")).toList())
                .containsExactly("T-1:1:0:SMS null", "T-1:1:2:LETTER null", "inbound:SM9:1 I paid yesterday", "call:1 null");
        assertThat(jdbc.queryForObject("""
                select count(*) from information_schema.columns where lower(table_name) = 'contact_attempt'
                and lower(column_name) in ('rendered_text', 'provider_id', 'delivery_status', 'segments', 'sandbox')""", Integer.class))
                .as("no copy of the send's facts on the contact").isZero();
    }

    private static void attempt(JdbcTemplate jdbc, long id, String sendKey, String channel, String outcome, String text,
                                String providerId, String deliveryStatus, int segments, boolean sandbox, String direction) {
        jdbc.update("""
                insert into contact_attempt (id, ticket_fk, channel, rendered_text, outcome, author, sandbox, send_key, at,
                                             provider_id, delivery_status, segments, direction)
                values (?, 1, ?, ?, ?, 'system', ?, ?, ?, ?, ?, ?, ?)""",
                id, channel, text, outcome, sandbox, sendKey, SENT_AT, providerId, deliveryStatus, segments, direction);
    }

    private static DataSource database(String engine) {
        if (engine.equals("H2")) {
            JdbcDataSource h2 = new JdbcDataSource();
            h2.setURL("jdbc:h2:mem:" + java.util.UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
            return h2;
        }
        return new DriverManagerDataSource(EmbeddedPostgresDatabases.newDatabase("v50"), "postgres", "");
    }

    private static void migrateTo(DataSource database, String version) {
        Flyway.configure().dataSource(database).locations("classpath:db/migration").target(version).load().migrate();
    }
}
