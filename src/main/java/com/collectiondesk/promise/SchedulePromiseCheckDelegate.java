package com.collectiondesk.promise;

import com.collectiondesk.ticket.ProcessTickets;
import com.collectiondesk.ticket.TicketProcess;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Sets when the pending promise is judged: after the promised date plus the grace days. */
@Component
class SchedulePromiseCheckDelegate implements JavaDelegate {

    private final PromiseService promises;
    private final ProcessTickets processTickets;

    SchedulePromiseCheckDelegate(PromiseService promises, ProcessTickets processTickets) {
        this.promises = promises;
        this.processTickets = processTickets;
    }

    @Override
    public void execute(DelegateExecution execution) {
        execution.setVariable(TicketProcess.PROMISE_CHECK_AT,
                Date.from(promises.checkAt(processTickets.idOf(execution))));
    }
}
