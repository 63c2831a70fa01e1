package com.collectiondesk.worklist;

import com.collectiondesk.errors.InputRefused;
import com.collectiondesk.errors.NotFound;
import com.collectiondesk.security.CurrentUser;
import com.collectiondesk.security.Groups;
import com.collectiondesk.ticket.TicketOwnership;
import com.collectiondesk.ticket.TicketOwnership.OpenTicket;
import com.collectiondesk.ticket.TicketOwnership.OpenTicketFilter;
import com.collectiondesk.ticket.TicketOwnership.OwnedTicket;
import com.collectiondesk.ticket.TicketProcess;
import com.collectiondesk.ticket.TicketStatus;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A new owner for one ticket or many: recorded on each ticket's timeline, and the tickets' open collector tasks
 * (calls, answers to replies) move along. All or nothing: one ticket that cannot move refuses the whole request.
 */
@Service
class Reassignment {

    /** One request moves at most this many tickets, so one transaction stays short; larger moves go in steps. */
    static final int MAX_TICKETS = 500;
    /** A ticket has a few open collector tasks at most; the bound only satisfies the engine's rule against unbounded queries. */
    private static final int OPEN_TASKS_LIMIT = 100;
    private static final String[] COLLECTOR_TASKS = {TicketProcess.CALL_DEBTOR, TicketProcess.ANSWER_REPLY};

    /** What moved: tickets whose owner changed, and open tasks whose assignee changed. */
    record Moved(String newOwner, List<String> ticketNumbers, int ticketsMoved, int tasksMoved) {
    }

    private final TicketOwnership ownership;
    private final OwnerAssignment assignment;
    private final TaskService tasks;
    private final CurrentUser currentUser;

    Reassignment(TicketOwnership ownership, OwnerAssignment assignment, TaskService tasks, CurrentUser currentUser) {
        this.ownership = ownership;
        this.assignment = assignment;
        this.tasks = tasks;
        this.currentUser = currentUser;
    }

    /** Returns how many open tasks moved. */
    @Transactional
    int reassign(String ticketNumber, String owner) {
        OwnedTicket ticket = ownership.byNumber(ticketNumber)
                .orElseThrow(() -> new NotFound("No ticket " + ticketNumber));
        if (ticket.status() == TicketStatus.CLOSED) {
            throw new InputRefused("ticketNumber", "" + ticketNumber + " is closed");
        }
        requireCollector("owner", owner);
        return move(List.of(ticket), owner).tasksMoved();
    }

    /** The tickets named, in the order given (duplicates once). */
    @Transactional
    Moved reassign(List<String> ticketNumbers, String newOwner) {
        List<OwnedTicket> found = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < ticketNumbers.size(); i++) {
            String number = ticketNumbers.get(i).strip();
            if (!seen.add(number)) {
                continue;
            }
            String field = "ticketNumbers[" + i + "]";
            OwnedTicket ticket = ownership.byNumber(number)
                    .orElseThrow(() -> new InputRefused(field, "no ticket " + number));
            if (ticket.status() == TicketStatus.CLOSED) {
                throw new InputRefused(field, "" + number + " is closed; only open tickets move");
            }
            found.add(ticket);
        }
        requireCollector("newOwner", newOwner);
        return move(found, newOwner);
    }

    /** The open tickets a filter would move (at most {@link #MAX_TICKETS}), and whether it matches more. */
    record Candidates(List<OpenTicket> tickets, boolean more) {
    }

    @Transactional(readOnly = true)
    Candidates candidates(OpenTicketFilter filter) {
        List<OpenTicket> matching = ownership.openTickets(filter, MAX_TICKETS + 1);
        return matching.size() > MAX_TICKETS ? new Candidates(matching.subList(0, MAX_TICKETS), true)
                : new Candidates(matching, false);
    }

    /** Every open ticket the filter matches. */
    @Transactional
    Moved reassign(OpenTicketFilter filter, String newOwner) {
        List<OpenTicket> matching = ownership.openTickets(filter, MAX_TICKETS + 1);
        if (matching.size() > MAX_TICKETS) {
            throw new InputRefused("filter", "matches more than " + MAX_TICKETS
                    + " open tickets; narrow it by owner, segment or bucket, or move them in several steps");
        }
        requireCollector("newOwner", newOwner);
        List<OwnedTicket> found = matching.stream()
                .map(open -> ownership.byNumber(open.ticketNumber()).orElseThrow()).toList();
        return move(found, newOwner);
    }

    private void requireCollector(String field, String userId) {
        if (!assignment.isCollector(userId)) {
            throw new InputRefused(field, "" + userId + " is not a member of " + Groups.COLLECTORS
                    + "; tickets go to collectors only");
        }
    }

    private Moved move(List<OwnedTicket> selected, String newOwner) {
        String by = currentUser.userId().orElse("system");
        // an owner who is away does not get the tasks: they wait for any collector, as when the task was created
        String assignee = assignment.isAvailable(newOwner) ? newOwner : null;
        int ticketsMoved = 0;
        int tasksMoved = 0;
        for (OwnedTicket ticket : selected) {
            if (ownership.changeOwner(ticket.id(), newOwner, by, "reassigned by " + by)) {
                ticketsMoved++;
            }
            List<Task> open = tasks.createTaskQuery().processInstanceBusinessKey(ticket.ticketNumber())
                    .taskDefinitionKeyIn(COLLECTOR_TASKS).active().listPage(0, OPEN_TASKS_LIMIT);
            for (Task task : open) {
                if (!Objects.equals(task.getAssignee(), assignee)) {
                    tasks.setAssignee(task.getId(), assignee);
                    tasksMoved++;
                }
            }
        }
        return new Moved(newOwner, selected.stream().map(OwnedTicket::ticketNumber).toList(), ticketsMoved, tasksMoved);
    }
}
