package com.collectiondesk.strategy;

import com.collectiondesk.ticket.ProcessTickets;
import com.collectiondesk.ticket.TicketProcessGateway;
import com.collectiondesk.ticket.TicketProcess;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Stores the strategy decision's rows as the ticket's plan, in day-offset order, and starts at its first step. A
 * ticket assigned to the challenger gets the challenger decision's rows instead of the champion's.
 */
@Component
class PlanStepsDelegate implements JavaDelegate {

    private final StrategyPlanner planner;
    private final DecisionVersions versions;
    private final ProcessTickets processTickets;
    private final ChampionChallenger variants;
    private final TicketProcessGateway processes;

    PlanStepsDelegate(StrategyPlanner planner, DecisionVersions versions, ProcessTickets processTickets,
                      ChampionChallenger variants, TicketProcessGateway processes) {
        this.planner = planner;
        this.versions = versions;
        this.processTickets = processTickets;
        this.variants = variants;
        this.processes = processes;
    }

    @Override
    @SuppressWarnings("unchecked")
    public void execute(DelegateExecution execution) {
        Long ticketId = processTickets.idOf(execution);
        List<Map<String, Object>> rows = (List<Map<String, Object>>) execution.getVariable(TicketProcess.STRATEGY_STEPS);
        String decision = Decisions.COLLECTION_STRATEGY;
        if (variants.variantOf(ticketId) == StrategyVariant.CHALLENGER && variants.challengerDeployed()) {
            // (a challenger withdrawn since keeps its tickets on the champion) a manager's escalation decision may plan
            // inside their request: the engine evaluates as itself, as it does the champion's business rule task
            List<Map<String, Object>> challenger = processes.asSystem(() -> variants.challengerSteps(execution.getVariables()));
            if (!challenger.isEmpty()) { // a challenger silent on this segment leaves the ticket the champion's plan
                rows = challenger;
                decision = Decisions.COLLECTION_STRATEGY_CHALLENGER;
            }
        }
        planner.plan(ticketId, PlannedStep.fromDecisionRows(rows), versions.latest(decision));
        execution.setVariable(TicketProcess.STEP_INDEX, 0);
    }
}
