package com.collectiondesk.strategy;

import com.collectiondesk.ticket.TicketProcess;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * A segment and a strategy decision as another feature may try them on tickets of its own (the strategy lab's
 * simulation): the deployed versions, or candidates checked and parsed as the dry-run's are, evaluated by the
 * dry-run's quiet decision engine (no history, no metrics) with the variables the ticket process gives them.
 */
@Component
public class StrategyModels {

    /** A pair of decisions, named as the dry-run names them ({@code collection-strategy v3}, {@code … (candidate)}). */
    public static final class Models {
        private final DryRunDecisions.Table segment;
        private final DryRunDecisions.Table strategy;

        private Models(DryRunDecisions.Table segment, DryRunDecisions.Table strategy) {
            this.segment = segment;
            this.strategy = strategy;
        }

        public String segmentName() {
            return segment.name();
        }

        public String strategyName() {
            return strategy.name();
        }
    }

    /** A ticket's inputs as the ticket process sets them before its segment decision. */
    public record TicketFacts(int maxDpd, double overdueAmount, String productType, int brokenPromises, int riskScore) {
    }

    /** The segment and the steps in day-offset order, or the problem (no segment, an empty or invalid plan). */
    public record Plan(String segment, List<StrategyStep> steps, String problem) {
    }

    private final DryRunDecisions decisions;
    private final CandidateModels candidates;

    StrategyModels(DryRunDecisions decisions, CandidateModels candidates) {
        this.decisions = decisions;
        this.candidates = candidates;
    }

    public Models deployed() {
        return new Models(decisions.deployed(Decisions.TICKET_SEGMENT), decisions.deployed(Decisions.COLLECTION_STRATEGY));
    }

    /** Whether an analyst has deployed a {@code collection-strategy-challenger} decision. */
    public boolean challengerDeployed() {
        return decisions.isDeployed(Decisions.COLLECTION_STRATEGY_CHALLENGER);
    }

    /** The deployed segment decision with the deployed challenger strategy. */
    public Models deployedChallenger() {
        return new Models(decisions.deployed(Decisions.TICKET_SEGMENT), decisions.deployed(Decisions.COLLECTION_STRATEGY_CHALLENGER));
    }

    /**
     * Candidates from the request fields {@code segment} and {@code strategy} (DMN XML; null or blank: the deployed
     * version); the strategy file may hold {@code collection-strategy} or {@code collection-strategy-challenger}.
     * A candidate the deployment checks refuse, or the engine cannot read, is refused naming the field.
     */
    public Models candidates(String segmentXml, String strategyXml) {
        Models deployed = deployed();
        DryRunDecisions.Table segment = blank(segmentXml) ? deployed.segment : candidates.candidate("segment",
                segmentXml.getBytes(StandardCharsets.UTF_8), Decisions.TICKET_SEGMENT);
        DryRunDecisions.Table strategy = blank(strategyXml) ? deployed.strategy : candidates.candidate("strategy",
                strategyXml.getBytes(StandardCharsets.UTF_8), Decisions.COLLECTION_STRATEGY, Decisions.COLLECTION_STRATEGY_CHALLENGER);
        return new Models(segment, strategy);
    }

    private static boolean blank(String xml) {
        return xml == null || xml.isBlank();
    }

    /** Thread-safe: the decisions may be evaluated on several threads at once. */
    public Plan plan(Models models, TicketFacts ticket) {
        DryRun.Decided decided = DryRun.decide(Map.of(TicketProcess.MAX_DPD, ticket.maxDpd(),
                TicketProcess.OVERDUE_AMOUNT, ticket.overdueAmount(), TicketProcess.PRODUCT_TYPE, ticket.productType(),
                TicketProcess.BROKEN_PROMISES, ticket.brokenPromises(), TicketProcess.RISK_SCORE, ticket.riskScore()),
                models.segment, models.strategy);
        return new Plan(decided.segment(), decided.plan().stream().map(PlannedStep::step).toList(), decided.problem());
    }
}
