package com.collectiondesk.escalation;

import com.collectiondesk.ticket.CloseReason;
import com.collectiondesk.ticket.CurrentActor;
import com.collectiondesk.ticket.ProcessTickets;
import com.collectiondesk.ticket.TicketProcess;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Turns the review-escalation form into a close reason, or into a restart in a harder segment. */
@Component
class ApplyEscalationDecisionDelegate implements JavaDelegate {

    static final String DEFAULT_RESTART_SEGMENT = "HARD";

    private final EscalationService escalations;
    private final ProcessTickets processTickets;

    ApplyEscalationDecisionDelegate(EscalationService escalations, ProcessTickets processTickets) {
        this.escalations = escalations;
        this.processTickets = processTickets;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Object decision = execution.getVariable(TicketProcess.ESCALATION_DECISION);
        EscalationService.Decision value;
        try {
            value = EscalationService.Decision.valueOf(String.valueOf(decision));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("escalationDecision: must be AGENCY, LEGAL, WRITE_OFF or RESTART, got " + decision);
        }
        Object segment = execution.getVariable(TicketProcess.RESTART_SEGMENT);
        String restartSegment = segment instanceof String text && !text.isBlank() ? text : DEFAULT_RESTART_SEGMENT;
        Optional<CloseReason> reason = escalations.decide(processTickets.idOf(execution), value,
                restartSegment, (String) execution.getVariable(TicketProcess.NOTE), CurrentActor.of(execution.getProcessEngineServices()));
        execution.setVariable(TicketProcess.CLOSE_REASON, reason.map(Enum::name).orElse(null));
        if (reason.isEmpty()) {
            execution.setVariable(TicketProcess.SEGMENT, restartSegment);
        }
    }
}
