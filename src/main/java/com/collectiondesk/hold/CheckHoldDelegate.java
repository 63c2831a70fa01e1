package com.collectiondesk.hold;

import com.collectiondesk.system.BusinessClock;
import com.collectiondesk.ticket.ProcessTickets;
import com.collectiondesk.ticket.Ticket;
import com.collectiondesk.ticket.TicketProcess;
import com.collectiondesk.ticket.TicketService;
import com.collectiondesk.ticket.Timeline;
import java.util.Date;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Check hold": while a hold pauses the ticket, the process waits until its end ({@code holdEndsAt}; null: until a
 * change) and looks again; when none is left, the strategy resumes where it stopped, and the timeline says so.
 */
@Component
class CheckHoldDelegate implements JavaDelegate {

    private final HoldQueries holds;
    private final TicketService tickets;
    private final ProcessTickets processTickets;
    private final Timeline timeline;
    private final BusinessClock clock;

    CheckHoldDelegate(HoldQueries holds, TicketService tickets, ProcessTickets processTickets, Timeline timeline,
                      BusinessClock clock) {
        this.holds = holds;
        this.tickets = tickets;
        this.processTickets = processTickets;
        this.timeline = timeline;
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Ticket ticket = tickets.get(processTickets.idOf(execution));
        tickets.refresh(ticket);
        Optional<HoldQueries.Pause> pause = holds.pauseOf(ticket);
        boolean wasOnHold = Boolean.TRUE.equals(execution.getVariable(TicketProcess.ON_HOLD));
        execution.setVariable(TicketProcess.ON_HOLD, pause.isPresent());
        execution.setVariable(TicketProcess.HOLD_ENDS_AT, pause.map(HoldQueries.Pause::until).map(Date::from).orElse(null));
        if (pause.isPresent()) {
            ticket.setNextStep("On hold: " + pause.get().describe(), pause.get().until());
            if (!wasOnHold) {
                timeline.record(ticket, "STRATEGY_PAUSED", "Strategy paused by the hold: " + pause.get().describe());
            }
        } else {
            ticket.setNextStep(null, null);
            timeline.record(ticket, "STRATEGY_RESUMED", "No hold left on " + clock.today() + "; the strategy resumes");
        }
    }
}
