package com.collectiondesk.selfservice;

import com.collectiondesk.ticket.Ticket;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.springframework.stereotype.Component;

/**
 * What the debtor asks on the page that a person must answer: the collectors' "Debtor replied" task
 * (bpmn/debtor-reply.bpmn, as an SMS reply does), assigned to the ticket's owner when it has one.
 */
@Component
class OwnerTasks {

    static final String PROCESS = "debtor-reply";

    private final RuntimeService runtime;
    private final TaskService tasks;

    OwnerTasks(RuntimeService runtime, TaskService tasks) {
        this.runtime = runtime;
        this.tasks = tasks;
    }

    void ask(Ticket ticket, String text) {
        String instance = runtime.startProcessInstanceByKey(PROCESS, ticket.getTicketNumber(), Map.of("replyText", text)).getId();
        if (ticket.getOwner() != null) {
            tasks.createTaskQuery().processInstanceId(instance).list()
                    .forEach(task -> tasks.setAssignee(task.getId(), ticket.getOwner()));
        }
    }
}
