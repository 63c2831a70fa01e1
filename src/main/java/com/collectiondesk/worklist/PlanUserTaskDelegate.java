package com.collectiondesk.worklist;

import com.collectiondesk.system.BusinessClock;
import com.collectiondesk.ticket.ProcessTickets;
import com.collectiondesk.ticket.TicketOwnership.OwnedTicket;
import com.collectiondesk.ticket.TicketOwnership;
import com.collectiondesk.ticket.TicketProcess;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * When a user task is created: due and follow-up dates, the ticket's priority, and for calls the ticket's
 * owner as assignee unless the owner is unavailable (then the task stays with the candidate group).
 * Calls are due at the end of the step's day in the debtor's time zone; disputes and escalations after
 * a number of business days.
 */
@Component
class PlanUserTaskDelegate implements TaskListener {

    private final TicketOwnership ownership;
    private final OwnerAssignment assignment;
    private final WorklistSettings settings;
    private final BusinessClock clock;
    private final ProcessTickets processTickets;

    PlanUserTaskDelegate(TicketOwnership ownership, OwnerAssignment assignment, WorklistSettings settings,
                         BusinessClock clock, ProcessTickets processTickets) {
        this.ownership = ownership;
        this.assignment = assignment;
        this.settings = settings;
        this.clock = clock;
        this.processTickets = processTickets;
    }

    @Override
    public void notify(DelegateTask task) {
        OwnedTicket ticket = ownership.byId(processTickets.idOf(task));
        Instant now = clock.now();
        if (ticket.priority() != null) {
            task.setPriority(taskPriority(ticket.priority()));
        }
        switch (task.getTaskDefinitionKey()) {
            case TicketProcess.CALL_DEBTOR -> planCall(task, ticket, now);
            case TicketProcess.RESOLVE_DISPUTE -> planReview(task, now, settings.disputeBusinessDays());
            case TicketProcess.REVIEW_ESCALATION -> planReview(task, now, settings.escalationBusinessDays());
            default -> throw new IllegalStateException("No plan for user task " + task.getTaskDefinitionKey());
        }
    }

    /**
     * Segments rank 1 (most urgent) downwards, while Tasklist sorts task priorities highest first (Camunda's
     * default is 50): HARD 90, B2B 80, STANDARD 70, SOFT 60.
     */
    static int taskPriority(int segmentRank) {
        return Math.max(1, 100 - 10 * segmentRank);
    }

    private void planCall(DelegateTask task, OwnedTicket ticket, Instant now) {
        ZoneId debtorZone = ticket.zone();
        LocalDate stepDay = LocalDate.ofInstant(now, debtorZone);
        task.setDueDate(Date.from(TaskDates.endOfDay(stepDay, debtorZone)));
        task.setFollowUpDate(Date.from(now));
        if (ticket.owner() != null && assignment.isAvailable(ticket.owner())) {
            task.setAssignee(ticket.owner());
        }
    }

    /** Due at the end of the n-th business day; follow up one business day earlier. */
    private void planReview(DelegateTask task, Instant now, int businessDays) {
        LocalDate today = LocalDate.ofInstant(now, clock.zone());
        LocalDate due = TaskDates.plusBusinessDays(today, businessDays);
        task.setDueDate(Date.from(TaskDates.endOfDay(due, clock.zone())));
        task.setFollowUpDate(Date.from(TaskDates.startOfDay(TaskDates.plusBusinessDays(today, businessDays - 1),
                clock.zone())));
    }
}
