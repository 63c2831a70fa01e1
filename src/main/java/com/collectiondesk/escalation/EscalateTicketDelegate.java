package com.collectiondesk.escalation;

import com.collectiondesk.ticket.ProcessTickets;
import com.collectiondesk.ticket.TicketProcess;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Marks the ticket ESCALATED before the managers' review. */
@Component
class EscalateTicketDelegate implements JavaDelegate {

    private final EscalationService escalations;
    private final ProcessTickets processTickets;

    EscalateTicketDelegate(EscalationService escalations, ProcessTickets processTickets) {
        this.escalations = escalations;
        this.processTickets = processTickets;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Object outcome = execution.getVariable(TicketProcess.STRATEGY_OUTCOME);
        escalations.escalate(processTickets.idOf(execution),
                TicketProcess.OUTCOME_ESCALATE.equals(outcome) ? "The strategy's escalation step is due"
                        : "All strategy steps done and money still overdue");
    }
}
