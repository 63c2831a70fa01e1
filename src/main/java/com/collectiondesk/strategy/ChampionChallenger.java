package com.collectiondesk.strategy;

import com.collectiondesk.system.BusinessClock;
import com.collectiondesk.ticket.Ticket;
import com.collectiondesk.ticket.TicketService;
import com.collectiondesk.ticket.Timeline;
import java.sql.Timestamp;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.RepositoryService;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Assigns each new ticket to the champion or the challenger strategy once, when its first plan is made, records it
 * on the ticket (table strategy_variant and the timeline), and gives a challenger ticket its plan from the challenger
 * decision. Without a deployed challenger every ticket is the champion's, whatever the configured share.
 */
@Service
@Transactional
public class ChampionChallenger {

    private final ChallengerSettings settings;
    private final RepositoryService repository;
    private final DecisionService decisions;
    private final TicketService tickets;
    private final Timeline timeline;
    private final BusinessClock clock;
    private final JdbcTemplate jdbc;

    ChampionChallenger(ChallengerSettings settings, RepositoryService repository, DecisionService decisions,
                       TicketService tickets, Timeline timeline, BusinessClock clock, JdbcTemplate jdbc) {
        this.settings = settings;
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
        boolean deployed = challengerDeployed();
        double share = deployed ? settings.shareOf(ticket.getSegment()) : 0;
        int bucket = StrategyVariant.bucketOf(ticket.getTicketNumber());
        StrategyVariant variant = StrategyVariant.of(bucket, share);
        jdbc.update("insert into strategy_variant (ticket_fk, variant, segment, share_percent, hash_bucket, assigned_at)"
                + " values (?, ?, ?, ?, ?, ?)", ticketId, variant.name(), ticket.getSegment(), share, bucket,
                Timestamp.from(clock.now()));
        if (deployed) { // without a challenger every ticket is the champion's: the row says so, the timeline need not
            timeline.record(ticket, "STRATEGY_VARIANT", variant + ": bucket " + bucket + " of " + StrategyVariant.BUCKETS
                    + ", challenger share " + share + " % for segment " + ticket.getSegment());
        }
        return variant;
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
