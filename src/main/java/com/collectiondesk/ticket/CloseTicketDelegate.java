package com.collectiondesk.ticket;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Closes the ticket with the reason in {@code closeReason} (an input parameter or the escalation decision). */
@Component
class CloseTicketDelegate implements JavaDelegate {

    private final TicketService tickets;
    private final ProcessTickets processTickets;

    CloseTicketDelegate(TicketService tickets, ProcessTickets processTickets) {
        this.tickets = tickets;
        this.processTickets = processTickets;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Ticket ticket = tickets.get(processTickets.idOf(execution));
        tickets.refresh(ticket);
        tickets.close(ticket, CloseReason.valueOf((String) execution.getVariable(TicketProcess.CLOSE_REASON)), null);
    }
}
