package com.collectiondesk.contact;

import com.collectiondesk.contact.ContactOracle.Answer;
import com.collectiondesk.contact.ContactOracle.Rule;
import com.collectiondesk.contact.ContactSchedules.Limits;
import com.collectiondesk.contact.ContactSchedules.Past;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The contact log as the database holds it (every send, call and reply, on every ticket of the debtor) judged by
 * {@link ContactOracle}: each outbound contact must have been allowed at its instant, given the debtor's
 * history before it over all their tickets, their flags at that instant and the hours in every zone they may
 * be in. The limits are the configured profiles as the README states them, written here a second time.
 */
final class ContactLogAudit {

    /** One row of the log. */
    record Contact(long id, String customerId, String ticketNumber, String channel, boolean inbound, String outcome, Instant at) {

        Past asPast() {
            return new Past(channel, inbound, outcome, at, 0, false);
        }
    }

    /** What the customer row says, and when SMS and email were stopped by the debtor (null: never). */
    record Facts(String customerId, String country, List<ZoneId> zones, boolean derived, boolean smsOptOut,
                 boolean emailOptOut, boolean voiceOptOut, Instant smsStoppedAt, Instant unsubscribedAt) {
    }

    /** A contact the oracle forbids, with the rule. */
    record Violation(Rule rule, Contact contact, String detail) {
    }

    private static final Limits HOUSE = new Limits(LocalTime.of(8, 0), LocalTime.of(21, 0), false, 7,
            Duration.ofDays(7), Duration.ofDays(7), 3, Duration.ofDays(30));
    /** README, "Contact policy": profiles and per-country hours as configured in application.yml. */
    private static final Map<String, Limits> BY_COUNTRY = Map.of(
            "DE", new Limits(LocalTime.of(8, 0), LocalTime.of(20, 0), false, 7, Duration.ofDays(7), Duration.ofDays(7), 3, Duration.ofDays(30)),
            "US", new Limits(LocalTime.of(8, 0), LocalTime.of(21, 0), true, 7, Duration.ofDays(7), Duration.ofDays(7), 3, Duration.ofDays(30)),
            "GB", new Limits(LocalTime.of(8, 0), LocalTime.of(21, 0), false, 3, Duration.ofDays(7), Duration.ofDays(3), 3, Duration.ofDays(30)));

    private final JdbcTemplate jdbc;

    ContactLogAudit(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Every customer's facts by customer id; {@code alsoLivesIn} adds zones the debtor may really be in. */
    Map<String, Facts> facts(Map<String, List<ZoneId>> alsoLivesIn) {
        Map<String, Facts> facts = new HashMap<>();
        jdbc.query("""
                select customer_id, country, time_zone, time_zone_derived, contact_zones, sms_opt_out, email_opt_out,
                       voice_opt_out, sms_stopped_at, email_unsubscribed_at from customer""", (ResultSet row) -> {
            String id = row.getString("customer_id");
            boolean derived = row.getBoolean("time_zone_derived");
            Set<ZoneId> zones = new LinkedHashSet<>();
            zones.add(ZoneId.of(row.getString("time_zone")));
            if (derived && row.getString("contact_zones") != null) {
                for (String zone : row.getString("contact_zones").split(",")) {
                    zones.add(ZoneId.of(zone));
                }
            }
            zones.addAll(alsoLivesIn.getOrDefault(id, List.of()));
            facts.put(id, new Facts(id, row.getString("country"), List.copyOf(zones), derived, row.getBoolean("sms_opt_out"),
                    row.getBoolean("email_opt_out"), row.getBoolean("voice_opt_out"), instant(row, "sms_stopped_at"),
                    instant(row, "email_unsubscribed_at")));
        });
        return facts;
    }

    /** The whole log, by debtor, in the order it happened. */
    Map<String, List<Contact>> log() {
        Map<String, List<Contact>> byDebtor = new HashMap<>();
        jdbc.query("""
                select a.id, c.customer_id, t.ticket_number, a.channel, a.direction, a.outcome, a.at
                from contact_attempt a join ticket t on t.id = a.ticket_fk join customer c on c.id = t.customer_fk
                order by a.at, a.id""", (ResultSet row) -> {
            Contact contact = contact(row);
            byDebtor.computeIfAbsent(contact.customerId(), id -> new ArrayList<>()).add(contact);
        });
        return byDebtor;
    }

    /** One debtor's log so far (for judging a call before it is made). */
    List<Contact> logOf(String customerId) {
        return jdbc.query("""
                select a.id, c.customer_id, t.ticket_number, a.channel, a.direction, a.outcome, a.at
                from contact_attempt a join ticket t on t.id = a.ticket_fk join customer c on c.id = t.customer_fk
                where c.customer_id = ? order by a.at, a.id""", (row, n) -> contact(row), customerId);
    }

    /** When each ticket closed (open tickets are absent). */
    Map<String, Instant> closings() {
        Map<String, Instant> closed = new HashMap<>();
        jdbc.query("select ticket_number, closed_at from ticket where closed_at is not null",
                (ResultSet row) -> { closed.put(row.getString(1), row.getTimestamp(2).toInstant()); });
        return closed;
    }

    /**
     * The oracle's answer for a contact on {@code channel} at {@code at} after {@code history}; {@code ceasedAt}:
     * when communication was ceased (null: never).
     */
    static Answer judge(Facts facts, Instant ceasedAt, Collection<Contact> history, String channel, Instant at) {
        boolean ceased = ceasedAt != null && !ceasedAt.isAfter(at);
        var debtor = new ContactSchedules.Debtor(facts.country(), facts.zones(), facts.derived(), ceased, facts.smsOptOut(),
                facts.smsStoppedAt() != null && !facts.smsStoppedAt().isAfter(at), facts.emailOptOut(),
                facts.unsubscribedAt() != null && !facts.unsubscribedAt().isAfter(at), facts.voiceOptOut(), false);
        List<Past> past = history.stream().map(Contact::asPast).toList();
        var schedule = new ContactSchedules.Schedule(0, limits(facts.country()), null, false, debtor, past, channel, at);
        return new ContactOracle(schedule).answerAt(at);
    }

    /**
     * Every outbound contact judged; contacts on a ticket after it closed count as {@link Rule#ZERO_BALANCE}
     * (nothing was owed on it any more). {@code ceasedAt}: when the simulation ceased communication per debtor.
     */
    List<Violation> audit(Map<String, Facts> facts, Map<String, Instant> ceasedAt) {
        Map<String, Instant> closed = closings();
        List<Violation> violations = new ArrayList<>();
        log().forEach((customerId, contacts) -> {
            Facts debtor = facts.get(customerId);
            for (int i = 0; i < contacts.size(); i++) {
                Contact contact = contacts.get(i);
                if (contact.inbound()) {
                    continue;
                }
                Instant closedAt = closed.get(contact.ticketNumber());
                if (closedAt != null && contact.at().isAfter(closedAt)) {
                    violations.add(new Violation(Rule.ZERO_BALANCE, contact, "ticket closed at " + closedAt));
                    continue;
                }
                Answer answer = judge(debtor, ceasedAt.get(customerId), contacts.subList(0, i), contact.channel(), contact.at());
                if (answer.verdict() != ContactOracle.Verdict.ALLOWED) {
                    violations.add(new Violation(answer.rule(), contact, answer + " zones " + debtor.zones()));
                }
            }
        });
        return violations;
    }

    static Map<Rule, Integer> perRule(List<Violation> violations) {
        Map<Rule, Integer> counts = new EnumMap<>(Rule.class);
        for (Rule rule : Rule.values()) {
            if (rule != Rule.NONE) {
                counts.put(rule, 0);
            }
        }
        violations.forEach(violation -> counts.merge(violation.rule(), 1, Integer::sum));
        return counts;
    }

    private static Limits limits(String country) {
        return BY_COUNTRY.getOrDefault(country, HOUSE);
    }

    private static Contact contact(ResultSet row) throws SQLException {
        return new Contact(row.getLong("id"), row.getString("customer_id"), row.getString("ticket_number"),
                row.getString("channel"), "INBOUND".equals(row.getString("direction")), row.getString("outcome"),
                row.getTimestamp("at").toInstant());
    }

    private static Instant instant(ResultSet row, String column) throws SQLException {
        Timestamp value = row.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }
}
