package com.collectiondesk.report;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The KPI parts' sums computed the plainest way, for comparison with what the reports aggregate in SQL: every row
 * read one by one (tickets, payments, contacts, invoices) and summed here by the definitions in README,
 * "Definitions".
 */
final class PerRowKpis {

    /** One campaign's sums per currency: outstanding at entry, collected within 30/60/90 days, contacts. */
    record CampaignSums(BigDecimal outstanding, BigDecimal[] collected, long contacts) {

        CampaignSums plus(BigDecimal atEntry, BigDecimal[] paid, long contactCount) {
            BigDecimal[] sums = new BigDecimal[collected.length];
            for (int w = 0; w < sums.length; w++) {
                sums[w] = collected[w].add(paid[w]);
            }
            return new CampaignSums(outstanding.add(atEntry), sums, contacts + contactCount);
        }
    }

    private record Ticket(long id, String campaign, LocalDate openedOn, String currency, BigDecimal atEntry) {
    }

    private record Paid(long ticket, BigDecimal amount, LocalDate on) {
    }

    private PerRowKpis() {
    }

    /** "strategy | segment | yyyy-MM" (and "all") → currency → sums, for the tickets opened in the period. */
    static Map<String, Map<String, CampaignSums>> campaigns(JdbcTemplate jdbc, Period period) {
        List<Ticket> tickets = jdbc.query("select id, strategy, segment, opened_on, currency, overdue_at_entry from rv_ticket",
                (row, i) -> new Ticket(row.getLong(1), (row.getString(2) == null ? "none" : row.getString(2)) + " | "
                        + (row.getString(3) == null ? "none" : row.getString(3)) + " | "
                        + YearMonth.from(row.getObject(4, LocalDate.class)), row.getObject(4, LocalDate.class),
                        row.getString(5), row.getBigDecimal(6)));
        List<Paid> payments = jdbc.query("select ticket_fk, amount, paid_on from rv_ticket_payment",
                (row, i) -> new Paid(row.getLong(1), row.getBigDecimal(2), row.getObject(3, LocalDate.class)));
        List<Long> contacts = jdbc.query("select ticket_fk from rv_contact_attempt", (row, i) -> row.getLong(1));
        Map<String, Map<String, CampaignSums>> campaigns = new TreeMap<>();
        for (Ticket ticket : tickets) {
            if (ticket.openedOn().isBefore(period.from()) || ticket.openedOn().isAfter(period.to())) {
                continue;
            }
            BigDecimal[] paid = new BigDecimal[CampaignKpis.WINDOWS.length];
            for (int w = 0; w < paid.length; w++) {
                LocalDate windowEnd = ticket.openedOn().plusDays(CampaignKpis.WINDOWS[w]);
                paid[w] = payments.stream().filter(p -> p.ticket() == ticket.id() && !p.on().isBefore(ticket.openedOn())
                        && p.on().isBefore(windowEnd)).map(Paid::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
            }
            long contactCount = contacts.stream().filter(t -> t == ticket.id()).count();
            for (String group : List.of(ticket.campaign(), KpiRow.ALL)) {
                campaigns.computeIfAbsent(group, g -> new HashMap<>()).merge(ticket.currency(),
                        new CampaignSums(BigDecimal.ZERO, zeros(paid.length), 0).plus(ticket.atEntry(), paid, contactCount),
                        (a, b) -> a.plus(b.outstanding(), b.collected(), b.contacts()));
            }
        }
        return campaigns;
    }

    /** Credit sales per currency: the amounts of the invoices issued in the period. */
    static Map<String, BigDecimal> creditSales(JdbcTemplate jdbc, Period period) {
        Map<String, BigDecimal> sales = new HashMap<>();
        jdbc.query("select currency, issue_date, amount from rv_invoice", row -> {
            LocalDate issued = row.getObject(2, LocalDate.class);
            if (!issued.isBefore(period.from()) && !issued.isAfter(period.to())) {
                sales.merge(row.getString(1), row.getBigDecimal(3), BigDecimal::add);
            }
        });
        return sales;
    }

    private static BigDecimal[] zeros(int n) {
        BigDecimal[] zeros = new BigDecimal[n];
        java.util.Arrays.fill(zeros, BigDecimal.ZERO);
        return zeros;
    }

    /** The rows of {@code kpi} as group → currency → row. */
    static Map<String, Map<String, KpiRow>> rowsOf(List<KpiRow> rows, String kpi) {
        Map<String, Map<String, KpiRow>> byGroup = new TreeMap<>();
        for (KpiRow row : new ArrayList<>(rows)) {
            if (row.kpi().equals(kpi)) {
                byGroup.computeIfAbsent(row.group(), g -> new TreeMap<>()).put(row.currency(), row);
            }
        }
        return byGroup;
    }
}
