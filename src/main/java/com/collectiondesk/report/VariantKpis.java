package com.collectiondesk.report;

import com.collectiondesk.system.ContactUnitCosts;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.ToLongFunction;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The strategy lab's report: the champion's and the challenger's tickets side by side (collection, cure, recovery,
 * contacts and their cost, promises kept), each proportion with its Wilson interval and, on the challenger's row,
 * the p-value of the two-proportion z-test against the champion; below the minimum sample "not enough data yet".
 * Definitions in the README, "Reports and dashboard", "Champion and challenger".
 */
@Component
class VariantKpis {

    static final List<String> VARIANTS = List.of("CHAMPION", "CHALLENGER");
    static final List<String> COLUMNS = List.of("kpi", "variant", "currency", "value", "unit", "numerator", "denominator",
            "sample", "ciLow", "ciHigh", "pValue", "note");

    private static final String COHORT = " from rv_strategy_variant v join rv_ticket t on t.id = v.ticket_fk";
    private static final String OPENED_IN = " where t.opened_on >= :from and t.opened_on <= :to";
    /** The debtor's replies are no contact of ours and cost nothing. */
    private static final String OUTBOUND = " and ca.outcome not in ('REPLY', 'REPLY_ANSWERED')";

    private final NamedParameterJdbcTemplate jdbc;
    private final BusinessCalendar calendar;
    private final VariantKpiSettings settings;
    private final ContactUnitCosts costs;

    VariantKpis(NamedParameterJdbcTemplate jdbc, BusinessCalendar calendar, VariantKpiSettings settings, ContactUnitCosts costs) {
        this.jdbc = jdbc;
        this.calendar = calendar;
        this.settings = settings;
        this.costs = costs;
    }

    /** One ticket of the experiment: what it owed at entry, what it collected within each window and in all. */
    private static final class Ticket {
        final String variant;
        final String currency;
        final BigDecimal atEntry;
        final LocalDate openedOn;
        final Long recoveryDays;
        final BigDecimal[] within = {BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO};
        BigDecimal collected = BigDecimal.ZERO;
        BigDecimal contactCost = BigDecimal.ZERO;
        final Map<String, Long> contacts = new TreeMap<>();
        long kept;
        long judged;

        Ticket(String variant, String currency, BigDecimal atEntry, LocalDate openedOn, Long recoveryDays) {
            this.variant = variant;
            this.currency = currency;
            this.atEntry = atEntry;
            this.openedOn = openedOn;
            this.recoveryDays = recoveryDays;
        }
    }

    ReportTable run(LocalDate from, LocalDate to, EntityFilter.Coverage coverage) {
        MapSqlParameterSource parameters = coverage.addTo(new MapSqlParameterSource("from", from == null ? LocalDate.of(1900, 1, 1) : from)
                .addValue("to", to == null ? LocalDate.of(9999, 12, 31) : to));
        Map<Long, Ticket> tickets = tickets(parameters, OPENED_IN + coverage.entity("t.legal_entity"));
        Map<String, List<Ticket>> byVariant = new LinkedHashMap<>();
        VARIANTS.forEach(variant -> byVariant.put(variant, new ArrayList<>()));
        tickets.values().forEach(ticket -> byVariant.computeIfAbsent(ticket.variant, v -> new ArrayList<>()).add(ticket));

        LocalDate today = calendar.today();
        List<Map<String, Object>> rows = new ArrayList<>();
        byVariant.forEach((variant, its) -> rows.add(row("tickets", variant, null, BigDecimal.valueOf(its.size()), "tickets",
                null, null, null)));
        for (int w = 0; w < CampaignKpis.WINDOWS.length; w++) {
            int window = w;
            int days = CampaignKpis.WINDOWS[w];
            Predicate<Ticket> judgeable = ticket -> ticket.atEntry.signum() > 0 && !ticket.openedOn.plusDays(days).isAfter(today);
            proportion(rows, "collection_rate_" + days + "d", "tickets", byVariant,
                    ticket -> judgeable.test(ticket) && ticket.within[window].compareTo(ticket.atEntry) >= 0 ? 1 : 0,
                    ticket -> judgeable.test(ticket) ? 1 : 0);
            collectedAmount(rows, "collected_amount_" + days + "d", byVariant, judgeable, ticket -> ticket.within[window]);
        }
        proportion(rows, "cure_rate", "tickets", byVariant, ticket -> ticket.recoveryDays != null ? 1 : 0, ticket -> 1);
        byVariant.forEach((variant, its) -> {
            List<Long> days = its.stream().filter(ticket -> ticket.recoveryDays != null).map(ticket -> ticket.recoveryDays).toList();
            rows.add(row("recovery_days_average", variant, null, KpiFormulas.mean(days), "days",
                    BigDecimal.valueOf(days.stream().mapToLong(Long::longValue).sum()), BigDecimal.valueOf(days.size()),
                    (long) days.size()));
        });
        proportion(rows, "promise_kept_rate", "promises", byVariant, ticket -> ticket.kept, ticket -> ticket.judged);
        byVariant.forEach((variant, its) -> contactRows(rows, variant, its));
        ReportTable.Builder table = ReportTable.named("variants").parameter("from", from).parameter("to", to)
                .parameter("legalEntity", coverage.describe())
                .parameter("asOf", today).parameter("minimumSample", settings.minimumSample())
                .parameter("confidence", settings.confidence()).columns(COLUMNS);
        rows.forEach(table::row);
        return table.build();
    }

    /** {@code openedIn}: the cohort's condition, the entities' included, the same in every query of it. */
    private Map<Long, Ticket> tickets(MapSqlParameterSource parameters, String openedIn) {
        Map<Long, Ticket> tickets = new HashMap<>();
        jdbc.query("select t.id, v.variant, t.currency, t.overdue_at_entry, t.opened_on, t.close_reason, t.closed_at"
                + COHORT + openedIn, parameters, rs -> {
                    LocalDate opened = rs.getDate("opened_on").toLocalDate();
                    Timestamp closed = rs.getTimestamp("closed_at");
                    Long recovery = "PAID".equals(rs.getString("close_reason")) && closed != null
                            ? ChronoUnit.DAYS.between(opened, calendar.dateOf(closed)) : null;
                    tickets.put(rs.getLong("id"), new Ticket(rs.getString("variant"), rs.getString("currency"),
                            Amounts.orZero(rs.getBigDecimal("overdue_at_entry")), opened, recovery));
                });
        StringBuilder windows = new StringBuilder();
        for (int days : CampaignKpis.WINDOWS) {
            windows.append(", sum(case when a.paid_on < t.opened_on + ").append(days).append(" then a.amount else 0 end) as within")
                    .append(days);
        }
        jdbc.query("select t.id" + windows + ", sum(a.amount) as collected" + COHORT
                + " join rv_ticket_payment a on a.ticket_fk = t.id" + openedIn + " and a.paid_on >= t.opened_on group by t.id",
                parameters, rs -> {
                    Ticket ticket = tickets.get(rs.getLong("id"));
                    for (int w = 0; w < CampaignKpis.WINDOWS.length; w++) {
                        ticket.within[w] = Amounts.orZero(rs.getBigDecimal("within" + CampaignKpis.WINDOWS[w]));
                    }
                    ticket.collected = Amounts.orZero(rs.getBigDecimal("collected"));
                });
        jdbc.query("select t.id, ca.channel, count(*) as contacts" + COHORT + " join rv_contact_attempt ca on ca.ticket_fk = t.id"
                + openedIn + OUTBOUND + " group by t.id, ca.channel", parameters, rs -> {
                    Ticket ticket = tickets.get(rs.getLong("id"));
                    String channel = rs.getString("channel");
                    long contacts = rs.getLong("contacts");
                    ticket.contacts.merge(channel, contacts, Long::sum);
                    ticket.contactCost = ticket.contactCost.add(costs.perContact(channel).multiply(BigDecimal.valueOf(contacts)));
                });
        jdbc.query("select t.id, sum(p.kept) as kept, sum(p.judged) as judged" + COHORT
                + " join rv_promise p on p.ticket_fk = t.id" + openedIn + " group by t.id", parameters, rs -> {
                    Ticket ticket = tickets.get(rs.getLong("id"));
                    ticket.kept = rs.getLong("kept");
                    ticket.judged = rs.getLong("judged");
                });
        return tickets;
    }

    /**
     * A proportion per variant with its interval, and on the challenger's row the test against the champion; what a
     * ticket adds to the successes and to the trials (1 or 0 for a ticket, its promises for the promise-kept rate).
     */
    private void proportion(List<Map<String, Object>> rows, String kpi, String noun, Map<String, List<Ticket>> byVariant,
                            ToLongFunction<Ticket> successes, ToLongFunction<Ticket> trials) {
        Map<String, long[]> counts = new LinkedHashMap<>();
        byVariant.forEach((variant, its) -> counts.put(variant, new long[] {
                its.stream().mapToLong(successes).sum(), its.stream().mapToLong(trials).sum()}));
        long[] champion = counts.get(VARIANTS.get(0));
        counts.forEach((variant, count) -> {
            Map<String, Object> row = row(kpi, variant, null, Amounts.percent(count[0], count[1]), "%",
                    BigDecimal.valueOf(count[0]), BigDecimal.valueOf(count[1]), count[1]);
            if (enough(count[1])) {
                Proportions.Interval interval = Proportions.wilson(count[0], count[1], Proportions.criticalValue(settings.confidence()));
                row.put("ciLow", Amounts.oneDecimal(interval.low() * 100));
                row.put("ciHigh", Amounts.oneDecimal(interval.high() * 100));
                if (!variant.equals(VARIANTS.get(0))) {
                    if (enough(champion[1])) {
                        row.put("pValue", BigDecimal.valueOf(Proportions.twoProportionPValue(count[0], count[1], champion[0],
                                champion[1])).setScale(4, RoundingMode.HALF_UP));
                    } else {
                        row.put("note", "no test yet: the champion has " + champion[1] + " of the " + settings.minimumSample()
                                + " " + noun + " needed");
                    }
                }
            } else {
                row.put("note", notEnough(count[1], noun));
            }
            rows.add(row);
        });
    }

    /** Collected within the window of the judgeable tickets' amount at entry, per currency; no interval (a ratio of sums). */
    private void collectedAmount(List<Map<String, Object>> rows, String kpi, Map<String, List<Ticket>> byVariant,
                                 Predicate<Ticket> judgeable, Function<Ticket, BigDecimal> collected) {
        byVariant.forEach((variant, its) -> currencies(its).forEach(currency -> {
            List<Ticket> judged = its.stream().filter(judgeable).filter(ticket -> ticket.currency.equals(currency)).toList();
            if (judged.isEmpty()) {
                return;
            }
            BigDecimal paid = judged.stream().map(collected).reduce(BigDecimal.ZERO, BigDecimal::add);
            BigDecimal owed = judged.stream().map(ticket -> ticket.atEntry).reduce(BigDecimal.ZERO, BigDecimal::add);
            rows.add(withNote(row(kpi, variant, currency, Amounts.percent(paid, owed), "%", Amounts.money(paid),
                    Amounts.money(owed), (long) judged.size()), "tickets"));
        }));
    }

    /** Contacts per channel, their cost at the configured unit costs, and that cost per amount collected per currency. */
    private void contactRows(List<Map<String, Object>> rows, String variant, List<Ticket> its) {
        Map<String, Long> perChannel = new TreeMap<>();
        its.forEach(ticket -> ticket.contacts.forEach((channel, count) -> perChannel.merge(channel, count, Long::sum)));
        rows.add(row("contacts", variant, null, BigDecimal.valueOf(perChannel.values().stream().mapToLong(Long::longValue).sum()),
                "contacts", null, null, (long) its.size()));
        perChannel.forEach((channel, count) -> rows.add(row("contacts_" + channel.toLowerCase(Locale.ROOT), variant,
                null, BigDecimal.valueOf(count), "contacts", null, null, (long) its.size())));
        BigDecimal cost = its.stream().map(ticket -> ticket.contactCost).reduce(BigDecimal.ZERO, BigDecimal::add);
        rows.add(row("contact_cost", variant, costs.currency(), Amounts.money(cost), costs.currency(), null, null, (long) its.size()));
        currencies(its).forEach(currency -> {
            List<Ticket> inCurrency = its.stream().filter(ticket -> ticket.currency.equals(currency)).toList();
            BigDecimal spent = inCurrency.stream().map(ticket -> ticket.contactCost).reduce(BigDecimal.ZERO, BigDecimal::add);
            BigDecimal collected = inCurrency.stream().map(ticket -> ticket.collected).reduce(BigDecimal.ZERO, BigDecimal::add);
            rows.add(withNote(row("cost_per_amount_collected", variant, currency, collected.signum() == 0 ? null
                    : spent.divide(collected, 4, RoundingMode.HALF_UP), costs.currency() + " per " + currency + " collected",
                    Amounts.money(spent), Amounts.money(collected), (long) inCurrency.size()), "tickets"));
        });
    }

    private static TreeSet<String> currencies(List<Ticket> tickets) {
        TreeSet<String> currencies = new TreeSet<>();
        tickets.forEach(ticket -> currencies.add(ticket.currency));
        return currencies;
    }

    private boolean enough(long sample) {
        return sample >= settings.minimumSample();
    }

    private String notEnough(long sample, String noun) {
        return "not enough data yet: " + sample + " of the " + settings.minimumSample() + " " + noun + " needed";
    }

    private Map<String, Object> withNote(Map<String, Object> row, String noun) {
        long sample = (Long) row.get("sample");
        if (!enough(sample)) {
            row.put("note", notEnough(sample, noun));
        }
        return row;
    }

    private static Map<String, Object> row(String kpi, String variant, String currency, BigDecimal value, String unit,
                                           BigDecimal numerator, BigDecimal denominator, Long sample) {
        Map<String, Object> row = new LinkedHashMap<>();
        for (String column : COLUMNS) {
            row.put(column, null);
        }
        row.put("kpi", kpi);
        row.put("variant", variant);
        row.put("currency", currency);
        row.put("value", value);
        row.put("unit", unit);
        row.put("numerator", numerator);
        row.put("denominator", denominator);
        row.put("sample", sample);
        return row;
    }
}
