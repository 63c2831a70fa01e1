package com.collectiondesk.worklist;

import java.time.Instant;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;

/** An open task as the digest lists it: which ticket, what to do, by when. */
record OpenTask(String assignee, String ticketNumber, String name, Instant due) {

    /** The ticket number is the task's own variable (ShowTicketFactsDelegate sets it); "-" on a task without a ticket. */
    static OpenTask of(TaskService tasks, Task task) {
        Object ticketNumber = tasks.getVariableLocal(task.getId(), "ticketNumber");
        return new OpenTask(task.getAssignee(), ticketNumber == null ? "-" : ticketNumber.toString(), task.getName(),
                task.getDueDate() == null ? null : task.getDueDate().toInstant());
    }

    boolean isOverdue(Instant now) {
        return due != null && due.isBefore(now);
    }

    boolean isDueBetween(Instant now, Instant endOfDay) {
        return due != null && !due.isBefore(now) && !due.isAfter(endOfDay);
    }
}
