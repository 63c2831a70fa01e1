package com.collectiondesk.strategy;

import com.collectiondesk.ticket.ProcessTickets;
import com.collectiondesk.ticket.TicketProcess;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Marks the current step done and moves the strategy to the next one. */
@Component
class CompleteStepDelegate implements JavaDelegate {

    private final StrategyPlanner planner;
    private final ProcessTickets processTickets;

    CompleteStepDelegate(StrategyPlanner planner, ProcessTickets processTickets) {
        this.planner = planner;
        this.processTickets = processTickets;
    }

    @Override
    public void execute(DelegateExecution execution) {
        int stepIndex = (Integer) execution.getVariable(TicketProcess.STEP_INDEX);
        planner.done(processTickets.idOf(execution), stepIndex);
        execution.setVariable(TicketProcess.STEP_INDEX, stepIndex + 1);
    }
}
