package com.collectiondesk.worklist;

import com.collectiondesk.promise.PromiseDate;
import com.collectiondesk.system.BusinessClock;
import com.collectiondesk.ticket.TaskInputRefused;
import com.collectiondesk.ticket.TicketProcess;
import java.time.LocalDate;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Refuses to complete a call whose outcome lacks what it needs, whatever client submitted it (the form's own
 * validation can be bypassed through the REST API): a promise needs an amount and a date from today to
 * {@code collection.worklist.promise-max-days} ahead, a dispute needs a reason.
 */
@Component
class CheckCallOutcomeDelegate implements TaskListener {

    private final WorklistSettings settings;
    private final BusinessClock clock;

    CheckCallOutcomeDelegate(WorklistSettings settings, BusinessClock clock) {
        this.settings = settings;
        this.clock = clock;
    }

    @Override
    public void notify(DelegateTask task) {
        Object outcome = task.getVariable(TicketProcess.CALL_OUTCOME);
        if ("PROMISE".equals(outcome)) {
            if (task.getVariable(TicketProcess.PROMISE_AMOUNT) == null) {
                throw new TaskInputRefused(TicketProcess.PROMISE_AMOUNT, "a promise needs an amount");
            }
            checkPromiseDate(task.getVariable(TicketProcess.PROMISE_DATE));
        } else if ("DISPUTE".equals(outcome)) {
            Object reason = task.getVariable(TicketProcess.DISPUTE_REASON);
            if (!(reason instanceof String text) || text.isBlank()) {
                throw new TaskInputRefused(TicketProcess.DISPUTE_REASON, "a dispute needs a reason");
            }
        }
    }

    private void checkPromiseDate(Object value) {
        LocalDate date = parse(value);
        LocalDate today = clock.today();
        if (date.isBefore(today)) {
            throw new TaskInputRefused(TicketProcess.PROMISE_DATE, date + " is in the past");
        }
        if (date.isAfter(today.plusDays(settings.promiseMaxDays()))) {
            throw new TaskInputRefused(TicketProcess.PROMISE_DATE, date + " is more than "
                    + settings.promiseMaxDays() + " days ahead");
        }
    }

    private static LocalDate parse(Object value) {
        return TaskInputRefused.reading(() -> PromiseDate.parse(TicketProcess.PROMISE_DATE, value));
    }
}
