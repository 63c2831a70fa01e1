package com.collectiondesk.contact;

import com.collectiondesk.system.BusinessClock;
import com.collectiondesk.ticket.ProcessTickets;
import com.collectiondesk.ticket.Ticket;
import com.collectiondesk.ticket.TicketProcess;
import com.collectiondesk.ticket.TicketProcessGateway;
import com.collectiondesk.ticket.TicketService;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * "Callable now / next callable at" on the open call tasks (call debtor, answer a reply), as the task variables
 * {@code callableNow} and {@code callWindow} that the form and the task card read, with the last contacts. Tasklist reads stored
 * variables only, so they are set when the task is created, again after every call on the ticket, and by
 * {@link #refreshAll()} every few minutes as the clock passes the debtor's hours or a cap's end. They are a
 * guide; the call itself is checked when it is made ({@link CallStarts}).
 */
@Component
public class CallWindows {

    static final List<String> CALL_TASKS = List.of(TicketProcess.CALL_DEBTOR, TicketProcess.ANSWER_REPLY);
    private static final int PAGE = 200;
    private static final Logger LOG = LoggerFactory.getLogger(CallWindows.class);

    private final TicketService tickets;
    private final ContactPolicy policy;
    private final BusinessClock clock;
    private final TaskService tasks;
    private final ContactService contacts;
    private final TransactionTemplate ownTransaction;
    private final ProcessTickets processTickets;
    private final TicketProcessGateway processes;

    CallWindows(TicketService tickets, ContactPolicy policy, BusinessClock clock, TaskService tasks, ContactService contacts,
                PlatformTransactionManager transactions, ProcessTickets processTickets, TicketProcessGateway processes) {
        this.tickets = tickets;
        this.processTickets = processTickets;
        this.processes = processes;
        this.contacts = contacts;
        this.policy = policy;
        this.clock = clock;
        this.tasks = tasks;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** Whether the debtor could be called now, on the ticket's last known balance; records nothing. */
    public CallWindow window(Long ticketId) {
        Ticket ticket = tickets.get(ticketId);
        Instant now = clock.now();
        return CallWindow.of(policy.decide(ticket, CallStarts.CHANNEL, now), tickets.debtorOf(ticket).zone(), now);
    }

    /** Sets the variables on a task being created. */
    void show(VariableScope task, Long ticketId) {
        variables(ticketId).forEach(task::setVariableLocal);
    }

    /**
     * Once the current transaction has committed (a call was recorded), in a transaction of its own; a failure
     * only leaves the display to the next periodic refresh, never undoes or fails the call.
     */
    void refreshAfterCommit(String ticketNumber) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            refreshTicket(ticketNumber);
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                refreshTicket(ticketNumber);
            }
        });
    }

    /** As the service, not the collector who called: the windows are the service's display, not the user's edit. */
    private void refreshTicket(String ticketNumber) {
        try {
            Long ticketId = tickets.byNumber(ticketNumber).getId();
            processes.asSystem(() -> tasks.createTaskQuery().processInstanceBusinessKey(ticketNumber)
                    .taskDefinitionKeyIn(CALL_TASKS.toArray(String[]::new)).active().listPage(0, PAGE)
                    .stream().filter(task -> refresh(task, ticketId)).count());
        } catch (ProcessEngineException e) {
            LOG.info("Call windows of ticket {} not refreshed: {}", ticketNumber, e.getClass().getSimpleName());
        }
    }

    /** Every open call task; returns how many changed. */
    public int refreshAll() {
        int changed = 0;
        for (int first = 0; ; first += PAGE) {
            List<Task> page = tasks.createTaskQuery().taskDefinitionKeyIn(CALL_TASKS.toArray(String[]::new)).active()
                    .orderByTaskId().asc().listPage(first, PAGE);
            for (Task task : page) {
                changed += refresh(task, processTickets.idOf(task)) ? 1 : 0;
            }
            if (page.size() < PAGE) {
                return changed;
            }
        }
    }

    private boolean refresh(Task task, Long ticketId) {
        try {
            return Boolean.TRUE.equals(ownTransaction.execute(status -> {
                Map<String, Object> now = variables(ticketId);
                Map<String, Object> shown = tasks.getVariablesLocal(task.getId(), now.keySet());
                if (Objects.equals(shown, now)) {
                    return false;
                }
                tasks.setVariablesLocal(task.getId(), now);
                return true;
            }));
        } catch (ProcessEngineException e) {
            // completed or updated meanwhile (another node refreshes too): the next round sees the truth
            LOG.info("Call window of task {} not refreshed: {}", task.getId(), e.getClass().getSimpleName());
            return false;
        }
    }

    private Map<String, Object> variables(Long ticketId) {
        CallWindow window = window(ticketId);
        return Map.of(TicketProcess.CALLABLE_NOW, window.callable(), TicketProcess.CALL_WINDOW, window.describe(),
                TicketProcess.LAST_CONTACTS, contacts.lastContacts(ticketId));
    }
}
