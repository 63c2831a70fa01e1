package com.collectiondesk.strategy;

import com.collectiondesk.errors.Conflict;
import com.collectiondesk.system.BusinessClock;
import com.collectiondesk.ticket.TicketProcessGateway;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.repository.Deployment;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Promoting the challenger: its rules are deployed as the next version of the champion decision, so new tickets
 * are planned by them, and that challenger version takes no new tickets any more (until an analyst deploys a new
 * one); tickets already planned keep their variant and their plan. Each promotion is on record: who, when, which
 * versions. README, "Champion and challenger".
 */
@Service
@Transactional
public class ChallengerPromotion {

    /** What a promotion did and who did it. */
    public record Promotion(String challengerDefinitionId, int challengerVersion, String championDefinitionId,
                            int championVersion, String deploymentId, String promotedBy, Instant promotedAt) {
    }

    private static final RowMapper<Promotion> PROMOTION = (rs, row) -> new Promotion(
            rs.getString("challenger_definition_id"), rs.getInt("challenger_version"),
            rs.getString("champion_definition_id"), rs.getInt("champion_version"), rs.getString("deployment_id"),
            rs.getString("promoted_by"), rs.getTimestamp("promoted_at").toInstant());

    private final RepositoryService repository;
    private final TicketProcessGateway processes;
    private final BusinessClock clock;
    private final JdbcTemplate jdbc;

    ChallengerPromotion(RepositoryService repository, TicketProcessGateway processes, BusinessClock clock, JdbcTemplate jdbc) {
        this.repository = repository;
        this.processes = processes;
        this.clock = clock;
        this.jdbc = jdbc;
    }

    public Promotion promote(String manager) {
        // the manager needs no rights in the engine of their own: it reads and deploys as itself, through the same checks
        return processes.asSystem(() -> promoteLatestChallenger(manager));
    }

    private Promotion promoteLatestChallenger(String manager) {
        DecisionDefinition challenger = latestChallenger();
        if (challenger == null) {
            throw new Conflict("Nothing to promote", "No challenger strategy (decision '"
                    + Decisions.COLLECTION_STRATEGY_CHALLENGER + "') is deployed.");
        }
        Promotion earlier = promotionOf(challenger.getId());
        if (earlier != null) {
            throw new Conflict("Already promoted", Decisions.COLLECTION_STRATEGY_CHALLENGER + " v" + challenger.getVersion()
                    + " was promoted by " + earlier.promotedBy() + " at " + earlier.promotedAt()
                    + "; deploy a new challenger to test another.");
        }
        byte[] champion = ChampionModel.fromChallenger(modelOf(challenger));
        Deployment deployment = repository.createDeployment()
                .name("promoted " + Decisions.COLLECTION_STRATEGY_CHALLENGER + " v" + challenger.getVersion())
                .source("strategy lab promotion by " + manager)
                .addInputStream(Decisions.COLLECTION_STRATEGY + ".dmn", new ByteArrayInputStream(champion)).deploy();
        DecisionDefinition promoted = repository.createDecisionDefinitionQuery().deploymentId(deployment.getId())
                .decisionDefinitionKey(Decisions.COLLECTION_STRATEGY).singleResult();
        Promotion promotion = new Promotion(challenger.getId(), challenger.getVersion(), promoted.getId(),
                promoted.getVersion(), deployment.getId(), manager, clock.now());
        try {
            jdbc.update("insert into strategy_promotion (challenger_definition_id, challenger_version, champion_definition_id,"
                    + " champion_version, deployment_id, promoted_by, promoted_at) values (?, ?, ?, ?, ?, ?, ?)",
                    promotion.challengerDefinitionId(), promotion.challengerVersion(), promotion.championDefinitionId(),
                    promotion.championVersion(), promotion.deploymentId(), manager, Timestamp.from(promotion.promotedAt()));
        } catch (DuplicateKeyException promotedMeanwhile) { // by another manager: this deployment rolls back with the row
            throw new Conflict("Already promoted", Decisions.COLLECTION_STRATEGY_CHALLENGER + " v" + challenger.getVersion()
                    + " was promoted by someone else a moment ago.");
        }
        return promotion;
    }

    /** Newest first. */
    @Transactional(readOnly = true)
    public List<Promotion> all() {
        return jdbc.query("select * from strategy_promotion order by promoted_at desc", PROMOTION);
    }

    /** Whether the latest challenger is on trial, i.e. deployed and not promoted: new tickets are shared with it. */
    boolean challengerOnTrial() {
        return processes.asSystem(() -> {
            DecisionDefinition challenger = latestChallenger();
            return challenger != null && promotionOf(challenger.getId()) == null;
        });
    }

    private DecisionDefinition latestChallenger() {
        return repository.createDecisionDefinitionQuery().decisionDefinitionKey(Decisions.COLLECTION_STRATEGY_CHALLENGER)
                .latestVersion().singleResult();
    }

    private Promotion promotionOf(String challengerDefinitionId) {
        return jdbc.query("select * from strategy_promotion where challenger_definition_id = ?", PROMOTION,
                challengerDefinitionId).stream().findFirst().orElse(null);
    }

    private byte[] modelOf(DecisionDefinition definition) {
        try (InputStream model = repository.getDecisionModel(definition.getId())) {
            return model.readAllBytes();
        } catch (IOException e) {
            throw new IllegalStateException("the engine's stored model of " + definition.getId() + " could not be read", e);
        }
    }
}
