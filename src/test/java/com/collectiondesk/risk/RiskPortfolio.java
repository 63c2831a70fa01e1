package com.collectiondesk.risk;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * A generated portfolio whose payment behaviour depends on a hidden risk {@code r} (uniform 0–1, seeded): each month
 * an invoice of 100.00, due 30 days after issue; it is paid on time with probability 1 − 0.9 r, else late by an
 * exponential number of days (mean 3 + 45 r), and never with probability 0.005 + 0.12 r³. Customers joined 1 to 24
 * months before the scoring day. The ledger holds everything up to 60 days after the scoring day, so the score (as
 * of that day, blind to later payments) can be held against what happened next.
 *
 * <p>60-day default, the usual scorecard rule: among the customers not already 60 days past due on the scoring day,
 * "bad" = an invoice due by then is still unpaid 60 days later. The separation is the AUC (the chance that a bad
 * customer scores higher than a good one; ties count half) and Gini = 2 AUC − 1.
 */
final class RiskPortfolio {

    static final LocalDate SCORING_DAY = LocalDate.of(2026, 6, 30);
    static final LocalDate HORIZON = SCORING_DAY.plusDays(60);
    private static final BigDecimal HUNDRED = new BigDecimal("100.00");

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
        Random random = new Random(seed);
        Timestamp now = new Timestamp(System.currentTimeMillis());
        List<Object[]> customerRows = new ArrayList<>(), contractRows = new ArrayList<>(), invoiceRows = new ArrayList<>(),
                paymentRows = new ArrayList<>(), allocationRows = new ArrayList<>();
        long invoiceId = 0;
        for (long c = 1; c <= customers; c++) {
            double risk = random.nextDouble();
            customerRows.add(new Object[] {c, "GEN-" + c, "Customer " + c, "en", "BG", "Europe/Sofia", "Street " + c, now, now});
            contractRows.add(new Object[] {c, "GEN-K-" + c, c, "CONSUMER_LOAN", now, now});
            boolean defaultedBefore = false, bad = false;
            LocalDate issue = SCORING_DAY.minusDays(30L * (1 + random.nextInt(24)));
            for (; !issue.isAfter(HORIZON); issue = issue.plusDays(30)) {
                LocalDate due = issue.plusDays(30);
                LocalDate paid = paidOn(random, risk, due);
                boolean openAtHorizon = paid == null || paid.isAfter(HORIZON);
                invoiceId++;
                invoiceRows.add(new Object[] {invoiceId, "GEN-I-" + invoiceId, c, c, Date.valueOf(issue), Date.valueOf(due),
                        HUNDRED, openAtHorizon ? HUNDRED : BigDecimal.ZERO, openAtHorizon ? "OPEN" : "PAID", now, now});
                if (!openAtHorizon) {
                    paymentRows.add(new Object[] {invoiceId, "GEN-P-" + invoiceId, c, HUNDRED, Date.valueOf(paid), now});
                    allocationRows.add(new Object[] {invoiceId, invoiceId, invoiceId, HUNDRED, now, Date.valueOf(paid)});
                }
                boolean openOnScoringDay = paid == null || paid.isAfter(SCORING_DAY);
                defaultedBefore |= openOnScoringDay && !due.isAfter(SCORING_DAY.minusDays(60));
                bad |= openAtHorizon && !due.isAfter(SCORING_DAY);
            }
            portfolio.outcomes.add(new Outcome(c, !defaultedBefore, bad));
        }
        jdbc.batchUpdate("insert into customer (id, customer_id, name, language, country, time_zone, address, created_at,"
                + " updated_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)", customerRows);
        jdbc.batchUpdate("insert into contract (id, contract_id, customer_fk, product_type, created_at, updated_at)"
                + " values (?, ?, ?, ?, ?, ?)", contractRows);
        jdbc.batchUpdate("insert into invoice (id, invoice_number, customer_fk, contract_fk, issue_date, due_date, amount,"
                + " open_amount, currency, status, created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?, 'EUR', ?, ?, ?)",
                invoiceRows);
        jdbc.batchUpdate("insert into payment (id, payment_id, customer_fk, amount, unallocated_amount, currency, paid_on,"
                + " created_at) values (?, ?, ?, ?, 0, 'EUR', ?, ?)", paymentRows);
        jdbc.batchUpdate("insert into payment_allocation (id, payment_fk, invoice_fk, amount, allocated_at, paid_on)"
                + " values (?, ?, ?, ?, ?, ?)", allocationRows);
        return portfolio;
    }

    /** The day the invoice is paid, or null for never. */
    private static LocalDate paidOn(Random random, double risk, LocalDate due) {
        if (random.nextDouble() < 0.005 + 0.12 * risk * risk * risk) {
            return null;
        }
        if (random.nextDouble() >= 0.9 * risk) {
            return due.minusDays(random.nextInt(10));
        }
        double meanDaysLate = 3 + 45 * risk;
        return due.plusDays(1 + (long) (-meanDaysLate * Math.log(1 - random.nextDouble())));
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
