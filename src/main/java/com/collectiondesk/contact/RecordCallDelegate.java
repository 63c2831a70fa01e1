package com.collectiondesk.contact;

import com.collectiondesk.dispute.DisputeService;
import com.collectiondesk.errors.InputRefused;
import com.collectiondesk.promise.PromiseDate;
import com.collectiondesk.promise.PromiseService;
import com.collectiondesk.ticket.CurrentActor;
import com.collectiondesk.ticket.ProcessTickets;
import com.collectiondesk.ticket.TaskInputRefused;
import com.collectiondesk.ticket.Ticket;
import com.collectiondesk.ticket.TicketProcess;
import com.collectiondesk.ticket.TicketService;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Completing call-debtor records the call with the collector as author, if the contact policy allows a call at
 * this moment (else the completion is refused and the task stays open); PROMISE and DISPUTE outcomes also
 * record the promise or dispute and steer the strategy there.
 */
@Component
class RecordCallDelegate implements TaskListener {

    private static final Map<String, String> PROMISE_FIELDS = Map.of("amount", TicketProcess.PROMISE_AMOUNT,
            "date", TicketProcess.PROMISE_DATE);
    private static final Map<String, String> DISPUTE_FIELDS = Map.of("amount", TicketProcess.DISPUTE_AMOUNT,
            "reason", TicketProcess.DISPUTE_REASON);

    static final List<String> OUTCOMES = List.of("REACHED", "NO_ANSWER", "WRONG_NUMBER", "PROMISE", "DISPUTE", "REFUSED");

    private final TicketService tickets;
    private final CallStarts calls;
    private final PromiseService promises;
    private final DisputeService disputes;
    private final ProcessTickets processTickets;

    RecordCallDelegate(TicketService tickets, CallStarts calls, PromiseService promises, DisputeService disputes,
                       ProcessTickets processTickets) {
        this.tickets = tickets;
        this.calls = calls;
        this.promises = promises;
        this.disputes = disputes;
        this.processTickets = processTickets;
    }

    @Override
    public void notify(DelegateTask task) {
        Object outcome = task.getVariable(TicketProcess.CALL_OUTCOME);
        if (!(outcome instanceof String value) || !OUTCOMES.contains(value)) {
            throw new TaskInputRefused(TicketProcess.CALL_OUTCOME, "must be one of " + OUTCOMES + ", got " + outcome);
        }
        Long ticketId = processTickets.idOf(task);
        String collector = CurrentActor.of(task);
        String note = (String) task.getVariable(TicketProcess.NOTE);
        finishCall(calls, ticketId, "call:" + task.getId(), value, note, collector);
        Ticket ticket = tickets.get(ticketId);
        String strategyOutcome = null;
        if (value.equals("PROMISE")) {
            BigDecimal amount = amount(task.getVariable(TicketProcess.PROMISE_AMOUNT), TicketProcess.PROMISE_AMOUNT);
            LocalDate date = date(task.getVariable(TicketProcess.PROMISE_DATE));
            onForm(PROMISE_FIELDS, () -> promises.take(ticket, amount, date, collector));
            strategyOutcome = TicketProcess.OUTCOME_PROMISE;
        } else if (value.equals("DISPUTE")) {
            Object disputed = task.getVariable(TicketProcess.DISPUTE_AMOUNT);
            BigDecimal amount = disputed == null ? null : amount(disputed, TicketProcess.DISPUTE_AMOUNT);
            onForm(DISPUTE_FIELDS, () -> disputes.raise(ticket, (String) task.getVariable(TicketProcess.DISPUTE_REASON),
                    amount, collector));
            strategyOutcome = TicketProcess.OUTCOME_DISPUTE;
        }
        task.getExecution().setVariable(TicketProcess.STRATEGY_OUTCOME, strategyOutcome);
    }

    /**
     * Runs a service's check of what the form sent; its refusal names the service's field, which becomes the form
     * field's error (Tasklist shows it, engine-rest answers 400) instead of an engine error.
     */
    private static void onForm(Map<String, String> formFields, Runnable take) {
        try {
            take.run();
        } catch (InputRefused refused) {
            throw new TaskInputRefused(formFields.getOrDefault(refused.field(), refused.field()), refused.reason());
        }
    }

    /** Records the call from a form; a call the policy forbids now is the form's error on the outcome field. */
    static void finishCall(CallStarts calls, Long ticketId, String key, String outcome, String note, String collector) {
        try {
            calls.finish(ticketId, key, outcome, note, collector);
        } catch (CallRefusedException refused) {
            throw new TaskInputRefused(TicketProcess.CALL_OUTCOME, refused.getMessage()
                    + " The task stays open: complete it once you have called.");
        }
    }

    private static BigDecimal amount(Object value, String field) {
        if (value instanceof Number number) {
            return new BigDecimal(number.toString());
        }
        if (value instanceof String text && !text.isBlank()) {
            try {
                return new BigDecimal(text.strip());
            } catch (NumberFormatException e) {
                throw new TaskInputRefused(field, "not a number: " + text);
            }
        }
        throw new TaskInputRefused(field, "an amount is required for this outcome");
    }

    private static LocalDate date(Object value) {
        return TaskInputRefused.reading(() -> PromiseDate.parse(TicketProcess.PROMISE_DATE, value));
    }
}
