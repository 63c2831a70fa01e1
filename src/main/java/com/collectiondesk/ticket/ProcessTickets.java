package com.collectiondesk.ticket;

import java.util.NoSuchElementException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/**
 * The ticket a process instance works on, found by the instance's business key (the ticket number). Delegates
 * never take it from a process variable: variables can be written through the engine API, the business key
 * is fixed when the ticket's process starts.
 */
@Component
public class ProcessTickets {

    private final TicketRepository tickets;

    ProcessTickets(TicketRepository tickets) {
        this.tickets = tickets;
    }

    /** The id of the ticket whose process this execution belongs to. */
    public Long idOf(DelegateExecution execution) {
        String ticketNumber = execution.getProcessBusinessKey();
        return tickets.findByTicketNumber(ticketNumber)
                .orElseThrow(() -> new NoSuchElementException("No ticket " + ticketNumber + " for process instance "
                        + execution.getProcessInstanceId()))
                .getId();
    }

    public Long idOf(DelegateTask task) {
        return idOf(task.getExecution());
    }
}
