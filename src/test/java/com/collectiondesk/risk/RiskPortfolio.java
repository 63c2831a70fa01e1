package com.collectiondesk.risk;

import com.collectiondesk.ledger.GeneratedLedger;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * The generated portfolio of {@link GeneratedLedger} (payment behaviour from a hidden risk, seeded). The ledger holds
 * everything up to 60 days after the scoring day, so the score (as of that day, blind to later payments) can be held
 * against what happened next.
 *
 * <p>60-day default, the usual scorecard rule: among the customers not already 60 days past due on the scoring day,
 * "bad" = an invoice due by then is still unpaid 60 days later. The separation is the AUC (the chance that a bad
 * customer scores higher than a good one; ties count half) and Gini = 2 AUC − 1.
 */
final class RiskPortfolio {

    static final LocalDate SCORING_DAY = GeneratedLedger.SCORING_DAY;
    static final LocalDate HORIZON = GeneratedLedger.HORIZON;

    /** One generated customer: whether the rule above counts them, and whether they defaulted. */
    record Outcome(long customerPk, boolean counted, boolean bad) {
    }

    private final List<Outcome> outcomes = new ArrayList<>();

    private RiskPortfolio() {
    }

    /** A fresh schema from the application's own migrations. */
    static void migrate(DataSource dataSource) {
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
    }

    /** The score with its default weights, as the application binds them. */
    static BehaviourScore behaviourScore(DataSource dataSource) {
        RiskSettings settings = new Binder(new MapConfigurationPropertySource(Map.of()))
                .bindOrCreate("collection.risk", RiskSettings.class);
        return new BehaviourScore(new NamedParameterJdbcTemplate(dataSource), settings);
    }

    static RiskPortfolio generate(JdbcTemplate jdbc, int customers, long seed) {
        RiskPortfolio portfolio = new RiskPortfolio();
        GeneratedLedger ledger = GeneratedLedger.generate(customers, seed, SCORING_DAY, HORIZON);
        for (GeneratedLedger.GeneratedCustomer customer : ledger.customers()) {
            boolean defaultedBefore = false, bad = false;
            for (GeneratedLedger.GeneratedInvoice invoice : customer.invoices()) {
                defaultedBefore |= invoice.openOn(SCORING_DAY) && !invoice.due().isAfter(SCORING_DAY.minusDays(60));
                bad |= invoice.openOn(HORIZON) && !invoice.due().isAfter(SCORING_DAY);
            }
            portfolio.outcomes.add(new Outcome(customer.pk(), !defaultedBefore, bad));
        }
        ledger.writeTo(jdbc);
        return portfolio;
    }

    int counted() {
        return (int) outcomes.stream().filter(Outcome::counted).count();
    }

    int bad() {
        return (int) outcomes.stream().filter(o -> o.counted() && o.bad()).count();
    }

    /** AUC of the stored scores (as ranks, ties half) against default, over the counted customers. */
    double auc(JdbcTemplate jdbc, String scoreColumn) {
        Map<Long, Integer> scores = jdbc.query("select customer_fk, " + scoreColumn + " from risk_score",
                (rs, row) -> Map.entry(rs.getLong(1), rs.getInt(2))).stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        List<Outcome> counted = outcomes.stream().filter(Outcome::counted).sorted(Comparator.comparing(
                (Outcome o) -> scores.get(o.customerPk()))).toList();
        double rankSumOfBad = 0;
        int i = 0;
        while (i < counted.size()) {
            int j = i;
            int score = scores.get(counted.get(i).customerPk());
            while (j < counted.size() && scores.get(counted.get(j).customerPk()) == score) {
                j++;
            }
            double midRank = (i + 1 + j) / 2.0;
            for (int k = i; k < j; k++) {
                rankSumOfBad += counted.get(k).bad() ? midRank : 0;
            }
            i = j;
        }
        long bad = counted.stream().filter(Outcome::bad).count(), good = counted.size() - bad;
        return (rankSumOfBad - bad * (bad + 1) / 2.0) / (bad * (double) good);
    }
}
