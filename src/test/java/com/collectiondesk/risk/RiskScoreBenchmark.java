package com.collectiondesk.risk;

import com.collectiondesk.support.EmbeddedPostgresDatabases;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * How well the behavioural score separates good from bad at a larger size, and how long the recompute takes: the
 * generated portfolio of {@link RiskPortfolio} (-Dbenchmark.customers, default 20000; -Dbenchmark.database=h2 for the
 * embedded default, else PostgreSQL), printing AUC and Gini of the score and, as the same-run baseline, of the current
 * DPD alone, and the recompute time beside a bare SQL pass over the same invoices. Run:
 * {@code ./mvnw -Pbenchmark verify -Dtest=RiskScoreBenchmark -Dsurefire.failIfNoSpecifiedTests=false}.
 */
class RiskScoreBenchmark {

    @Test
    void separationAndRecomputeTime() {
        int customers = Integer.getInteger("benchmark.customers", 20_000);
        DataSource dataSource = "h2".equals(System.getProperty("benchmark.database")) ? h2() : postgres();
        RiskPortfolio.migrate(dataSource);
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        RiskPortfolio portfolio = RiskPortfolio.generate(jdbc, customers, 18);

        long bareStart = System.nanoTime();
        jdbc.queryForList("select i.customer_fk, count(*), max(a.paid_on) from invoice i"
                + " left join payment_allocation a on a.invoice_fk = i.id group by i.customer_fk");
        long bare = System.nanoTime() - bareStart;
        long scoreStart = System.nanoTime();
        RiskPortfolio.behaviourScore(dataSource).recompute(RiskPortfolio.SCORING_DAY);
        long score = System.nanoTime() - scoreStart;

        double auc = portfolio.auc(jdbc, "score"), dpdAlone = portfolio.auc(jdbc, "current_dpd");
        System.out.printf("risk score benchmark: %d customers (%d counted, %d bad in 60 days)%n", customers,
                portfolio.counted(), portfolio.bad());
        System.out.printf("  behavioural score: AUC %.3f, Gini %.3f | baseline, current DPD alone: AUC %.3f, Gini %.3f%n",
                auc, 2 * auc - 1, dpdAlone, 2 * dpdAlone - 1);
        System.out.printf("  recompute %d ms | baseline, bare SQL pass over invoices and allocations: %d ms%n",
                score / 1_000_000, bare / 1_000_000);
    }

    private static DataSource h2() {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:risk-benchmark;DB_CLOSE_DELAY=-1");
        return h2;
    }

    private static DataSource postgres() {
        PGSimpleDataSource postgres = new PGSimpleDataSource();
        postgres.setURL(EmbeddedPostgresDatabases.newDatabase("risk_benchmark"));
        postgres.setUser("postgres");
        return postgres;
    }
}
