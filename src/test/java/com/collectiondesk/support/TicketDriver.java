package com.collectiondesk.support;

import com.collectiondesk.ticket.TicketOpener;
import com.collectiondesk.ticket.TicketProcess;
import com.collectiondesk.ticket.TicketRepository;
import com.collectiondesk.ticket.TicketStatus;
import java.time.LocalDate;
import java.util.Optional;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.springframework.context.ApplicationContext;

/**
 * Drives tickets for tests outside this package: opens one, runs its jobs as the job executor would and fires
 * its step timers until a user task waits. Timers fire either on the engine clock (moved to their due date)
 * or right away on the real clock (for browser tests, whose webapps read the same clock).
 */
public final class TicketDriver {

    private static final int MAX_JOBS = 50;

    private final TicketOpener opener;
    private final TicketRepository tickets;
    private final ProcessEngine engine;

    private TicketDriver(TicketOpener opener, TicketRepository tickets, ProcessEngine engine) {
        this.opener = opener;
        this.tickets = tickets;
        this.engine = engine;
    }

    public static TicketDriver of(ApplicationContext context) {
        return new TicketDriver(context.getBean(TicketOpener.class), context.getBean(TicketRepository.class),
                context.getBean(ProcessEngine.class));
    }

    /** Opens the customer's ticket as of a day and runs it to its first wait (the first step's timer); returns the number. */
    public String open(Long customerPk, LocalDate asOf) {
        String number = opener.open(customerPk, "EUR", asOf).getTicketNumber();
        runAsyncJobs(number);
        return number;
    }

    /**
     * Fires step timers (and the sends between them) until a user task with this key waits for the ticket.
     * With {@code moveClock} the engine clock jumps to each timer's due date, else timers fire now.
     */
    public Task runUntilTask(String ticketNumber, String taskKey, boolean moveClock) {
        ManagementService management = engine.getManagementService();
        for (int fired = 0; fired < MAX_JOBS; fired++) {
            Optional<Task> task = openTask(ticketNumber, taskKey);
            if (task.isPresent()) {
                return task.get();
            }
            Job timer = management.createJobQuery().processInstanceId(instanceId(ticketNumber)).timers()
                    .orderByJobDuedate().asc().listPage(0, 1).stream().findFirst()
                    .orElseThrow(() -> new AssertionError("No " + taskKey + " task and no timer left for " + ticketNumber));
            if (moveClock) {
                ClockUtil.setCurrentTime(timer.getDuedate());
            }
            management.executeJob(timer.getId());
            runAsyncJobs(ticketNumber);
        }
        throw new AssertionError("No " + taskKey + " task after " + MAX_JOBS + " timers for " + ticketNumber);
    }

    /** Completes a task as Tasklist would and runs the process on to its next wait. */
    public void complete(Task task, java.util.Map<String, Object> variables) {
        String ticketNumber = businessKey(task);
        engine.getTaskService().complete(task.getId(), variables);
        runAsyncJobs(ticketNumber);
    }

    public Optional<Task> openTask(String ticketNumber, String taskKey) {
        TaskService tasks = engine.getTaskService();
        return tasks.createTaskQuery().processInstanceBusinessKey(ticketNumber).taskDefinitionKey(taskKey).active()
                .listPage(0, 1).stream().findFirst();
    }

    public TicketStatus status(String ticketNumber) {
        return tickets.findByTicketNumber(ticketNumber).orElseThrow().getStatus();
    }

    public String owner(String ticketNumber) {
        return tickets.findByTicketNumber(ticketNumber).orElseThrow().getOwner();
    }

    /** Runs the ticket's async continuations (ERP sync and notices, sends); timers wait. */
    public void runAsyncJobs(String ticketNumber) {
        ManagementService management = engine.getManagementService();
        String instance = instanceId(ticketNumber);
        if (instance == null) {
            return;
        }
        for (int run = 0; run < MAX_JOBS; run++) {
            Optional<Job> next = management.createJobQuery().processInstanceId(instance).messages().withRetriesLeft()
                    .listPage(0, 1).stream().findFirst();
            if (next.isEmpty()) {
                return;
            }
            management.executeJob(next.get().getId());
        }
    }

    private String businessKey(Task task) {
        return engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(task.getProcessInstanceId())
                .singleResult().getBusinessKey();
    }

    private String instanceId(String ticketNumber) {
        return engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(ticketNumber)
                .processDefinitionKey(TicketProcess.KEY).listPage(0, 1).stream().findFirst().map(p -> p.getId()).orElse(null);
    }
}
