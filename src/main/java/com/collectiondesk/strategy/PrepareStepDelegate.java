package com.collectiondesk.strategy;

import com.collectiondesk.outreach.Channel;
import com.collectiondesk.ticket.ProcessTickets;
import com.collectiondesk.ticket.TicketProcess;
import java.util.Date;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Looks up the step at {@code stepIndex}: its channel and when it is due, or that the plan is used up. */
@Component
class PrepareStepDelegate implements JavaDelegate {

    static final String NO_STEP = "NONE";

    private final StrategyPlanner planner;
    private final ProcessTickets processTickets;

    PrepareStepDelegate(StrategyPlanner planner, ProcessTickets processTickets) {
        this.planner = planner;
        this.processTickets = processTickets;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Optional<StrategyPlanner.DueStep> next = planner.next(processTickets.idOf(execution),
                (Integer) execution.getVariable(TicketProcess.STEP_INDEX));
        Optional<Channel> channel = next.map(due -> due.step().getChannel());
        execution.setVariable(TicketProcess.STEP_CHANNEL, channel.map(Channel::name).orElse(NO_STEP));
        // the gateway "Channel?" sends every automated channel down one path
        execution.setVariable(TicketProcess.STEP_ROUTE, channel.map(Channel::route).orElse(NO_STEP));
        execution.setVariable(TicketProcess.STEP_DUE_AT, next.map(due -> Date.from(due.dueAt())).orElse(null));
        execution.setVariable(TicketProcess.STRATEGY_OUTCOME, channel.isEmpty() ? TicketProcess.OUTCOME_EXHAUSTED
                : channel.get() == Channel.ESCALATE ? TicketProcess.OUTCOME_ESCALATE : null);
    }
}
