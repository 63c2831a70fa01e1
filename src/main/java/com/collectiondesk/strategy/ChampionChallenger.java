package com.collectiondesk.strategy;

import com.collectiondesk.system.BusinessClock;
import com.collectiondesk.ticket.Ticket;
import com.collectiondesk.ticket.TicketService;
import com.collectiondesk.ticket.Timeline;
import com.collectiondesk.ticket.TicketDetailPart;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.RepositoryService;
import org.springframework.context.annotation.Bean;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Assigns each new ticket to the champion or the challenger strategy once, when its first plan is made, records it
 * on the ticket (table strategy_variant and the timeline), and gives a challenger ticket its plan from the challenger
 * decision. Without a deployed challenger every ticket is the champion's, whatever the configured share, and so is
 * every new ticket once the challenger has been promoted (its rules are the champion's then).
 */
@Service
@Transactional
public class ChampionChallenger {

    private final ChallengerSettings settings;
    private final ChallengerPromotion promotions;
    private final RepositoryService repository;
    private final DecisionService decisions;
    private final TicketService tickets;
    private final Timeline timeline;
    private final BusinessClock clock;
    private final JdbcTemplate jdbc;

    ChampionChallenger(ChallengerSettings settings, ChallengerPromotion promotions, RepositoryService repository, DecisionService decisions,
                       TicketService tickets, Timeline timeline, BusinessClock clock, JdbcTemplate jdbc) {
        this.settings = settings;
        this.promotions = promotions;
        this.repository = repository;
        this.decisions = decisions;
        this.tickets = tickets;
        this.timeline = timeline;
        this.clock = clock;
        this.jdbc = jdbc;
    }

    /** The ticket's variant: the one recorded, else assigned now from its number and its segment's share. */
    public StrategyVariant variantOf(Long ticketId) {
        List<String> recorded = jdbc.queryForList("select variant from strategy_variant where ticket_fk = ?",
                String.class, ticketId);
        if (!recorded.isEmpty()) {
            return StrategyVariant.valueOf(recorded.get(0));
        }
        Ticket ticket = tickets.get(ticketId);
        boolean deployed = promotions.challengerOnTrial(); // a promoted challenger is the champion now
        double share = deployed ? settings.shareOf(ticket.getSegment()) : 0;
        int bucket = StrategyVariant.bucketOf(ticket.getTicketNumber());
        StrategyVariant variant = StrategyVariant.of(bucket, share);
        jdbc.update("insert into strategy_variant (ticket_fk, variant, segment, share_percent, hash_bucket, assigned_at)"
                + " values (?, ?, ?, ?, ?, ?)", ticketId, variant.name(), ticket.getSegment(), share, bucket,
                Timestamp.from(clock.now()));
        if (deployed) { // without a challenger every ticket is the champion's: the row says so, the timeline need not
            timeline.record(ticket, "STRATEGY_VARIANT", StrategyVariant.why(variant.name(), bucket, share, ticket.getSegment()));
        }
        return variant;
    }

    /** The ticket's variant and why, as the ticket's detail shows it under "variant" (none before its first plan). */
    public record VariantView(String variant, String segment, double sharePercent, int hashBucket, Instant assignedAt, String why) {
    }

    @Bean
    @Order(5)
    static TicketDetailPart variantOfTheTicket(JdbcTemplate jdbc) {
        return new TicketDetailPart("variant", ticketId -> jdbc.query("select variant, segment, share_percent, hash_bucket,"
                + " assigned_at from strategy_variant where ticket_fk = ?", (rs, row) -> {
                    double share = rs.getDouble("share_percent");
                    int bucket = rs.getInt("hash_bucket");
                    return new VariantView(rs.getString("variant"), rs.getString("segment"), share, bucket,
                            rs.getTimestamp("assigned_at").toInstant(),
                            StrategyVariant.why(rs.getString("variant"), bucket, share, rs.getString("segment")));
                }, ticketId));
    }

    /** The challenger decision's steps for these inputs (the same the champion's business rule task sees). */
    List<Map<String, Object>> challengerSteps(Map<String, Object> inputs) {
        return decisions.evaluateDecisionByKey(Decisions.COLLECTION_STRATEGY_CHALLENGER).variables(inputs).evaluate()
                .getResultList();
    }

    boolean challengerDeployed() {
        return repository.createDecisionDefinitionQuery()
                .decisionDefinitionKey(Decisions.COLLECTION_STRATEGY_CHALLENGER).count() > 0;
    }
}
