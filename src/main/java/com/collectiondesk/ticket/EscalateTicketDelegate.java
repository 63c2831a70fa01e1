package com.collectiondesk.ticket;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Marks the ticket ESCALATED before the managers' review. */
@Component
class EscalateTicketDelegate implements JavaDelegate {

    private final EscalationService escalations;

    EscalateTicketDelegate(EscalationService escalations) {
        this.escalations = escalations;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Object outcome = execution.getVariable(TicketProcess.STRATEGY_OUTCOME);
        escalations.escalate((Long) execution.getVariable(TicketProcess.TICKET_ID),
                TicketProcess.OUTCOME_ESCALATE.equals(outcome) ? "The strategy's escalation step is due"
                        : "All strategy steps done and money still overdue");
    }
}
