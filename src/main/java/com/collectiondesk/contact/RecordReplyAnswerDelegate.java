package com.collectiondesk.contact;

import com.collectiondesk.ticket.CurrentActor;
import com.collectiondesk.ticket.ProcessTickets;
import com.collectiondesk.ticket.TaskInputRefused;
import com.collectiondesk.ticket.TicketProcess;
import com.collectiondesk.ticket.TicketService;
import com.collectiondesk.ticket.Timeline;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Completing "Answer debtor's reply" puts what the collector did on the ticket's timeline, with them as author.
 * A call-back is a call: it needs its outcome, is checked against the contact policy at this moment like any
 * call, and is recorded as a call attempt (so the 7-day rule after a conversation holds for the next call).
 */
@Component
class RecordReplyAnswerDelegate implements TaskListener {

    static final List<String> ACTIONS = List.of("CALLED_BACK", "PROMISE_RECORDED", "DISPUTE_OPENED", "NO_ACTION_NEEDED");
    static final String CALLED_BACK = "CALLED_BACK";
    /** A promise or a dispute found on a call-back is recorded through its own action or the API. */
    static final List<String> CALL_BACK_OUTCOMES = List.of("REACHED", "NO_ANSWER", "WRONG_NUMBER", "REFUSED");

    private final TicketService tickets;
    private final Timeline timeline;
    private final CallStarts calls;
    private final ProcessTickets processTickets;

    RecordReplyAnswerDelegate(TicketService tickets, Timeline timeline, CallStarts calls, ProcessTickets processTickets) {
        this.tickets = tickets;
        this.timeline = timeline;
        this.calls = calls;
        this.processTickets = processTickets;
    }

    @Override
    public void notify(DelegateTask task) {
        Object action = task.getVariable("replyAction");
        if (!(action instanceof String value) || !ACTIONS.contains(value)) {
            throw new TaskInputRefused("replyAction", "must be one of " + ACTIONS + ", got " + action);
        }
        Long ticketId = processTickets.idOf(task);
        Object note = task.getVariable(TicketProcess.NOTE);
        String text = note instanceof String given && !given.isBlank() ? given : null;
        String author = CurrentActor.of(task);
        if (CALLED_BACK.equals(value)) {
            Object outcome = task.getVariable(TicketProcess.CALL_OUTCOME);
            if (!(outcome instanceof String callOutcome) || !CALL_BACK_OUTCOMES.contains(callOutcome)) {
                throw new TaskInputRefused(TicketProcess.CALL_OUTCOME, "a call-back needs its outcome, one of "
                        + CALL_BACK_OUTCOMES + ", got " + outcome);
            }
            RecordCallDelegate.finishCall(calls, ticketId, "callback:" + task.getId(), callOutcome, text, author);
        }
        timeline.record(tickets.get(ticketId), "REPLY_ANSWERED", value + (text == null ? "" : ": " + text), author);
    }
}
