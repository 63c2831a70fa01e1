package com.collectiondesk.promise;

import com.collectiondesk.ticket.ProcessTickets;
import com.collectiondesk.ticket.TicketProcess;
import com.collectiondesk.ticket.TicketService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Judges the promise (kept or broken) and tells the process whether money is still overdue. */
@Component
class CheckPromiseDelegate implements JavaDelegate {

    private final PromiseService promises;
    private final TicketService tickets;
    private final ProcessTickets processTickets;

    CheckPromiseDelegate(PromiseService promises, TicketService tickets, ProcessTickets processTickets) {
        this.promises = promises;
        this.tickets = tickets;
        this.processTickets = processTickets;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Long ticketId = processTickets.idOf(execution);
        execution.setVariable(TicketProcess.PROMISE_KEPT, promises.judge(ticketId));
        execution.setVariable(TicketProcess.OVERDUE_LEFT, tickets.get(ticketId).getOverdueAmount().signum() > 0);
    }
}
