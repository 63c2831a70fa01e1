package com.collectiondesk.worklist;

import com.collectiondesk.errors.InputRefused;
import com.collectiondesk.errors.NotFound;
import com.collectiondesk.security.CurrentUser;
import com.collectiondesk.security.Groups;
import com.collectiondesk.ticket.TicketOwnership.OwnedTicket;
import com.collectiondesk.ticket.TicketOwnership;
import com.collectiondesk.ticket.TicketProcess;
import com.collectiondesk.ticket.TicketStatus;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** A new owner for a ticket: recorded on the timeline, and the ticket's open call tasks move along. */
@Service
class Reassignment {

    /** A ticket has at most one open call; the bound only satisfies the engine's rule against unbounded queries. */
    private static final int OPEN_CALLS_LIMIT = 100;

    private final TicketOwnership ownership;
    private final OwnerAssignment assignment;
    private final TaskService tasks;
    private final IdentityService identity;
    private final CurrentUser currentUser;

    Reassignment(TicketOwnership ownership, OwnerAssignment assignment, TaskService tasks, IdentityService identity,
                 CurrentUser currentUser) {
        this.ownership = ownership;
        this.assignment = assignment;
        this.tasks = tasks;
        this.identity = identity;
        this.currentUser = currentUser;
    }

    /** Returns how many open call tasks moved. */
    @Transactional
    int reassign(String ticketNumber, String owner) {
        OwnedTicket ticket = ownership.byNumber(ticketNumber)
                .orElseThrow(() -> new NotFound("No ticket " + ticketNumber));
        if (ticket.status() == TicketStatus.CLOSED) {
            throw new InputRefused("ticketNumber", "" + ticketNumber + " is closed");
        }
        if (identity.createUserQuery().userId(owner).memberOfGroup(Groups.COLLECTORS).count() == 0) {
            throw new InputRefused("owner", "" + owner + " is not a member of " + Groups.COLLECTORS);
        }
        String by = currentUser.userId().orElse("system");
        ownership.changeOwner(ticket.id(), owner, by, "reassigned by " + by);
        String assignee = assignment.isAvailable(owner) ? owner : null;
        List<Task> openCalls = tasks.createTaskQuery().processInstanceBusinessKey(ticketNumber)
                .taskDefinitionKey(TicketProcess.CALL_DEBTOR).active().listPage(0, OPEN_CALLS_LIMIT);
        openCalls.forEach(task -> tasks.setAssignee(task.getId(), assignee));
        return openCalls.size();
    }
}
