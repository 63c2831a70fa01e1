package com.collectiondesk.worklist;

import com.collectiondesk.security.Groups;
import com.collectiondesk.system.BusinessClock;
import com.collectiondesk.ticket.TicketOwnership;
import com.collectiondesk.ticket.TicketOwnership.OpenTicket;
import com.collectiondesk.ticket.TicketOwnership.OpenTicketFilter;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** What each collector has on their plate: open tickets with their overdue amount, open and overdue tasks. */
@Service
@Transactional(readOnly = true)
class CollectorQueues {

    /** A team is a few dozen people; the bound keeps one answer small all the same. */
    static final int MAX_COLLECTORS = 500;
    static final int MAX_ITEMS = 200;

    record Amount(String currency, BigDecimal amount) {
    }

    record Summary(long openTickets, List<Amount> overdue, long openTasks, long overdueTasks) {
    }

    record Collector(String userId, String name, CollectorApi.ProfileView profile, Summary queue) {
    }

    record QueuedTask(String ticketNumber, String name, Instant due, boolean overdue) {
    }

    record Queue(String userId, List<OpenTicket> tickets, List<QueuedTask> tasks) {
    }

    private final IdentityService identity;
    private final TaskService tasks;
    private final TicketOwnership ownership;
    private final CollectorProfileRepository profiles;
    private final BusinessClock clock;

    CollectorQueues(IdentityService identity, TaskService tasks, TicketOwnership ownership,
                    CollectorProfileRepository profiles, BusinessClock clock) {
        this.identity = identity;
        this.tasks = tasks;
        this.ownership = ownership;
        this.profiles = profiles;
        this.clock = clock;
    }

    /** Every member of the collectors group, by user id; a collector without a profile has {@code profile} null. */
    List<Collector> collectors() {
        Map<String, Long> tickets = ownership.openTicketsByOwner();
        Map<String, Map<String, BigDecimal>> overdue = ownership.openOverdueByOwner();
        Date now = Date.from(clock.now());
        List<User> members = identity.createUserQuery().memberOfGroup(Groups.COLLECTORS).orderByUserId().asc()
                .listPage(0, MAX_COLLECTORS);
        return members.stream().map(user -> {
            String id = user.getId();
            List<Amount> amounts = overdue.getOrDefault(id, Map.of()).entrySet().stream()
                    .map(entry -> new Amount(entry.getKey(), entry.getValue())).toList();
            Summary queue = new Summary(tickets.getOrDefault(id, 0L), amounts,
                    tasks.createTaskQuery().taskAssignee(id).active().count(),
                    tasks.createTaskQuery().taskAssignee(id).active().dueBefore(now).count());
            return new Collector(id, displayName(user), profiles.findById(id).map(CollectorApi.ProfileView::of).orElse(null), queue);
        }).toList();
    }

    /** A collector's open tickets (hardest first) and open tasks (soonest due first), each list at most {@link #MAX_ITEMS}. */
    Queue queue(String userId) {
        Instant now = clock.now();
        List<QueuedTask> open = tasks.createTaskQuery().taskAssignee(userId).active().orderByDueDate().asc()
                .listPage(0, MAX_ITEMS).stream().map(task -> OpenTask.of(tasks, task))
                .map(task -> new QueuedTask(task.ticketNumber(), task.name(), task.due(), task.isOverdue(now))).toList();
        return new Queue(userId, ownership.openTickets(new OpenTicketFilter(userId, null, null), MAX_ITEMS), open);
    }

    private static String displayName(User user) {
        String name = ((user.getFirstName() == null ? "" : user.getFirstName()) + " "
                + (user.getLastName() == null ? "" : user.getLastName())).strip();
        return name.isEmpty() ? user.getId() : name;
    }
}
