package com.collectiondesk.ticket;

import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** Completing "Answer debtor's reply" puts what the collector did on the ticket's timeline, with them as author. */
@Component
class RecordReplyAnswerDelegate implements TaskListener {

    static final List<String> ACTIONS = List.of("CALLED_BACK", "PROMISE_RECORDED", "DISPUTE_OPENED", "NO_ACTION_NEEDED");

    private final TicketService tickets;
    private final Timeline timeline;
    private final ProcessTickets processTickets;

    RecordReplyAnswerDelegate(TicketService tickets, Timeline timeline, ProcessTickets processTickets) {
        this.tickets = tickets;
        this.timeline = timeline;
        this.processTickets = processTickets;
    }

    @Override
    public void notify(DelegateTask task) {
        Object action = task.getVariable("replyAction");
        if (!(action instanceof String value) || !ACTIONS.contains(value)) {
            throw new IllegalArgumentException("replyAction: must be one of " + ACTIONS + ", got " + action);
        }
        Object note = task.getVariable(TicketProcess.NOTE);
        String author = CurrentActor.of(task);
        timeline.record(tickets.get(processTickets.idOf(task)), "REPLY_ANSWERED",
                value + (note instanceof String text && !text.isBlank() ? ": " + text : ""), author);
    }
}
