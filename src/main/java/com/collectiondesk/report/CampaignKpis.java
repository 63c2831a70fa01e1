package com.collectiondesk.report;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Collection rate per campaign (strategy version × segment × entry month, per currency) for tickets opened in
 * the period: Σ paid on the ticket's invoices within W = 30/60/90 days of entry / Σ outstanding at entry × 100,
 * plus contacts per unit collected within 90 days. "Outstanding at entry" is the ticket's overdue amount on the
 * day it opened, kept on the ticket. A row "all" sums every campaign.
 */
@Component
class CampaignKpis {

    static final int[] WINDOWS = {30, 60, 90};

    /** Grouped by entry day in SQL and by entry month here, so no row pays for extracting its year and month. */
    private static final String KEYS = "coalesce(t.strategy, 'none'), coalesce(t.segment, 'none'), t.opened_on, t.currency";
    private static final String SELECT_KEYS = "coalesce(t.strategy, 'none') as strategy, coalesce(t.segment, 'none') as segment,"
            + " t.opened_on as opened_on, t.currency as currency";
    /** Every allocation to a ticket's invoice; PAID_IN_WINDOWS keeps those made within 90 days of the ticket's entry. */
    private static final String PAID_ON_TICKET_INVOICES = " from rv_ticket_payment a join rv_ticket t on t.id = a.ticket_fk";
    private static final String IN_PERIOD = " where t.opened_on >= :from and t.opened_on <= :to";
    private static final String PAID_IN_WINDOWS = " and a.paid_on >= :from and a.paid_on < :paidBefore"
            + " and a.paid_on >= t.opened_on and a.paid_on < t.opened_on + ";

    private final NamedParameterJdbcTemplate jdbc;

    CampaignKpis(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    private static final class Campaign {
        BigDecimal outstanding = BigDecimal.ZERO;
        BigDecimal[] collected = {BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO};
        long contacts;

        void add(Campaign other) {
            outstanding = outstanding.add(other.outstanding);
            for (int w = 0; w < WINDOWS.length; w++) {
                collected[w] = collected[w].add(other.collected[w]);
            }
            contacts += other.contacts;
        }
    }

    List<KpiRow> compute(Period period, EntityFilter.Coverage coverage) {
        int longest = WINDOWS[WINDOWS.length - 1];
        MapSqlParameterSource parameters = coverage.addTo(new MapSqlParameterSource("from", period.from()).addValue("to", period.to())
                .addValue("paidBefore", period.to().plusDays(longest)));
        String inPeriod = IN_PERIOD + coverage.entity("t.legal_entity");
        Map<List<String>, Campaign> campaigns = new TreeMap<>((a, b) -> String.join("|", a).compareTo(String.join("|", b)));
        jdbc.query("select " + SELECT_KEYS + ", sum(t.overdue_at_entry) as outstanding from rv_ticket t" + inPeriod
                + " group by " + KEYS, parameters, rs -> {
                    Campaign campaign = campaign(campaigns, rs);
                    campaign.outstanding = campaign.outstanding.add(rs.getBigDecimal("outstanding"));
                });
        StringBuilder windows = new StringBuilder();
        for (int w : WINDOWS) {
            windows.append(", sum(case when a.paid_on < t.opened_on + ").append(w).append(" then a.amount else 0 end) as within")
                    .append(w);
        }
        jdbc.query("select " + SELECT_KEYS + windows + PAID_ON_TICKET_INVOICES + inPeriod + PAID_IN_WINDOWS + longest
                + " group by " + KEYS, parameters, rs -> {
                    Campaign campaign = campaign(campaigns, rs);
                    for (int w = 0; w < WINDOWS.length; w++) {
                        campaign.collected[w] = campaign.collected[w].add(rs.getBigDecimal("within" + WINDOWS[w]));
                    }
                });
        jdbc.query("select " + SELECT_KEYS + ", count(*) as contacts from rv_ticket t join rv_contact_attempt ca on ca.ticket_fk = t.id"
                + inPeriod + " group by " + KEYS, parameters, rs -> {
                    campaign(campaigns, rs).contacts += rs.getLong("contacts");
                });

        List<KpiRow> rows = new ArrayList<>();
        Map<String, Campaign> totals = new TreeMap<>();
        campaigns.forEach((key, campaign) -> {
            rows.addAll(rowsOf(String.join(" | ", key.subList(0, 3)), key.get(3), campaign));
            totals.computeIfAbsent(key.get(3), c -> new Campaign()).add(campaign);
        });
        totals.forEach((currency, campaign) -> rows.addAll(rowsOf(KpiRow.ALL, currency, campaign)));
        return rows;
    }

    private static List<KpiRow> rowsOf(String group, String currency, Campaign campaign) {
        List<KpiRow> rows = new ArrayList<>();
        for (int w = 0; w < WINDOWS.length; w++) {
            rows.add(new KpiRow("collection_rate_" + WINDOWS[w] + "d", currency, group,
                    Amounts.percent(campaign.collected[w], campaign.outstanding), "%",
                    Amounts.money(campaign.collected[w]), Amounts.money(campaign.outstanding)));
        }
        BigDecimal collected90 = campaign.collected[WINDOWS.length - 1];
        rows.add(new KpiRow("contacts_per_unit_collected_90d", currency, group, collected90.signum() == 0 ? null
                : BigDecimal.valueOf(campaign.contacts).divide(collected90, 4, java.math.RoundingMode.HALF_UP),
                "contacts per " + currency, BigDecimal.valueOf(campaign.contacts), Amounts.money(collected90)));
        return rows;
    }

    private static Campaign campaign(Map<List<String>, Campaign> campaigns, java.sql.ResultSet rs) throws java.sql.SQLException {
        String month = java.time.YearMonth.from(rs.getObject("opened_on", java.time.LocalDate.class)).toString();
        return campaigns.computeIfAbsent(List.of(rs.getString("strategy"), rs.getString("segment"), month,
                rs.getString("currency")), k -> new Campaign());
    }
}
