package com.collectiondesk.risk;

import com.collectiondesk.ledger.GeneratedLedger;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.stereotype.Component;

/**
 * The behavioural score of a generated ledger, computed by the real set-based SQL with the configured weights — in a
 * private in-memory database of the application's schema (its own migrations), dropped afterwards: the service's
 * database is not touched.
 */
@Component
public class GeneratedPortfolioScores {

    private final RiskSettings settings;

    GeneratedPortfolioScores(RiskSettings settings) {
        this.settings = settings;
    }

    /** Customer pk → score as of the ledger's scoring day. */
    public Map<Long, Integer> score(GeneratedLedger ledger) {
        // one connection to a database of its own, which closes with it: nothing outlives the call
        SingleConnectionDataSource privateDatabase = new SingleConnectionDataSource(
                "jdbc:h2:mem:generated-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=0", "sa", "", true);
        try {
            Flyway.configure().dataSource(privateDatabase).locations("classpath:db/migration").load().migrate();
            JdbcTemplate jdbc = new JdbcTemplate(privateDatabase);
            ledger.writeTo(jdbc);
            new BehaviourScore(new NamedParameterJdbcTemplate(jdbc), settings).recompute(ledger.scoringDay());
            Map<Long, Integer> scores = new HashMap<>();
            jdbc.query("select customer_fk, score from risk_score", rs -> {
                scores.put(rs.getLong(1), rs.getInt(2));
            });
            return scores;
        } finally {
            privateDatabase.destroy();
        }
    }
}
