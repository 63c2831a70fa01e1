package com.collectiondesk.risk;

import static org.assertj.core.api.Assertions.assertThat;

import com.collectiondesk.support.EmbeddedPostgresDatabases;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The behavioural score separates good from bad: on a generated portfolio whose payment behaviour follows a hidden
 * risk ({@link RiskPortfolio}), the score as of a day ranks the customers who default in the next 60 days above those
 * who do not, with an AUC of at least {@value #AUC_FLOOR} (a score that were noise gives 0.5). The same set-based SQL
 * on H2 and on PostgreSQL, on a fresh schema each, small enough for the build; RiskScoreBenchmark prints the figures
 * at a larger size.
 */
class ScoreSeparationTest {

    static final double AUC_FLOOR = 0.70;
    static final int CUSTOMERS = 1000;
    static final long SEED = 18;

    @Test
    void onH2TheScoreRanksTheCustomersWhoDefaultAboveThoseWhoPay() {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:score-separation;DB_CLOSE_DELAY=-1");
        assertSeparates(h2);
    }

    @Test
    void onPostgresTheSameSqlGivesTheSameSeparation() {
        PGSimpleDataSource postgres = new PGSimpleDataSource();
        postgres.setURL(EmbeddedPostgresDatabases.newDatabase("score_separation"));
        postgres.setUser("postgres");
        assertSeparates(postgres);
    }

    private static void assertSeparates(DataSource dataSource) {
        long started = System.nanoTime();
        RiskPortfolio.migrate(dataSource);
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        long migrated = System.nanoTime();
        RiskPortfolio portfolio = RiskPortfolio.generate(jdbc, CUSTOMERS, SEED);
        long generated = System.nanoTime();

        int scored = RiskPortfolio.behaviourScore(dataSource).recompute(RiskPortfolio.SCORING_DAY);
        System.out.printf("score separation: migrate %d ms, generate %d ms, score %d ms%n", (migrated - started) / 1_000_000,
                (generated - migrated) / 1_000_000, (System.nanoTime() - generated) / 1_000_000);

        assertThat(scored).isEqualTo(CUSTOMERS);
        assertThat(portfolio.bad()).as("defaults among %d counted customers", portfolio.counted())
                .isBetween(portfolio.counted() / 20, portfolio.counted() / 2);
        double auc = portfolio.auc(jdbc, "score");
        System.out.printf("behavioural score: AUC %.3f, Gini %.3f (%d customers, %d bad)%n", auc, 2 * auc - 1,
                portfolio.counted(), portfolio.bad());
        assertThat(auc).as("AUC of the score against 60-day default").isGreaterThanOrEqualTo(AUC_FLOOR);
    }
}
