package com.collectiondesk.ticket;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Closes the ticket with the reason in {@code closeReason} (an input parameter or the escalation decision). */
@Component
class CloseTicketDelegate implements JavaDelegate {

    private final TicketService tickets;

    CloseTicketDelegate(TicketService tickets) {
        this.tickets = tickets;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Ticket ticket = tickets.get((Long) execution.getVariable(TicketProcess.TICKET_ID));
        tickets.refresh(ticket);
        tickets.close(ticket, CloseReason.valueOf((String) execution.getVariable(TicketProcess.CLOSE_REASON)), null);
    }
}
