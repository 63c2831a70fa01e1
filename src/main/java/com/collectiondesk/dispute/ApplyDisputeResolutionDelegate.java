package com.collectiondesk.dispute;

import com.collectiondesk.ticket.CurrentActor;
import com.collectiondesk.ticket.ProcessTickets;
import com.collectiondesk.ticket.TicketProcess;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Applies the dispute team's UPHELD or REJECTED and tells the process whether money is still overdue. */
@Component
class ApplyDisputeResolutionDelegate implements JavaDelegate {

    private final DisputeService disputes;
    private final ProcessTickets processTickets;

    ApplyDisputeResolutionDelegate(DisputeService disputes, ProcessTickets processTickets) {
        this.disputes = disputes;
        this.processTickets = processTickets;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Object resolution = execution.getVariable(TicketProcess.RESOLUTION);
        Dispute.Resolution value;
        try {
            value = Dispute.Resolution.valueOf(String.valueOf(resolution));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("resolution: must be UPHELD or REJECTED, got " + resolution);
        }
        execution.setVariable(TicketProcess.OVERDUE_LEFT, disputes.resolve(processTickets.idOf(execution),
                value, CurrentActor.of(execution.getProcessEngineServices())));
    }
}
