package com.collectiondesk.strategy;

import com.collectiondesk.ticket.ProcessTickets;
import com.collectiondesk.ticket.TicketProcess;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Stores the strategy decision's rows as the ticket's plan, in day-offset order, and starts at its first step. */
@Component
class PlanStepsDelegate implements JavaDelegate {

    private final StrategyPlanner planner;
    private final DecisionVersions versions;
    private final ProcessTickets processTickets;

    PlanStepsDelegate(StrategyPlanner planner, DecisionVersions versions, ProcessTickets processTickets) {
        this.planner = planner;
        this.versions = versions;
        this.processTickets = processTickets;
    }

    @Override
    @SuppressWarnings("unchecked")
    public void execute(DelegateExecution execution) {
        List<Map<String, Object>> rows = (List<Map<String, Object>>) execution.getVariable(TicketProcess.STRATEGY_STEPS);
        planner.plan(processTickets.idOf(execution), PlannedStep.fromDecisionRows(rows),
                versions.latest(Decisions.COLLECTION_STRATEGY));
        execution.setVariable(TicketProcess.STEP_INDEX, 0);
    }
}
