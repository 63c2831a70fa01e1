package com.collectiondesk.ticket;

import com.collectiondesk.errors.NotFound;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * The ticket a process instance works on, found by the instance's business key (the ticket number). Delegates
 * never take it from a process variable: variables can be written through the engine API, the business key
 * is fixed when the ticket's process starts.
 */
@Component
public class ProcessTickets {

    private final TicketRepository tickets;
    private final RuntimeService runtime;

    ProcessTickets(TicketRepository tickets, RuntimeService runtime) {
        this.tickets = tickets;
        this.runtime = runtime;
    }

    /** The id of the ticket whose process this execution belongs to. */
    public Long idOf(DelegateExecution execution) {
        return idOf(execution.getProcessBusinessKey(), execution.getProcessInstanceId());
    }

    public Long idOf(DelegateTask task) {
        return idOf(task.getExecution());
    }

    /** The ticket of a task read through the engine's task query (outside a listener). */
    public Long idOf(Task task) {
        ProcessInstance instance = runtime.createProcessInstanceQuery().processInstanceId(task.getProcessInstanceId())
                .singleResult();
        if (instance == null) {
            throw new NotFound("No running process instance " + task.getProcessInstanceId());
        }
        return idOf(instance.getBusinessKey(), instance.getId());
    }

    private Long idOf(String ticketNumber, String processInstanceId) {
        return tickets.findByTicketNumber(ticketNumber)
                .orElseThrow(() -> new NotFound("No ticket " + ticketNumber + " for process instance "
                        + processInstanceId))
                .getId();
    }
}
