package com.collectiondesk.scan;

import com.collectiondesk.ticket.TicketProcessStarts;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * One job of the scan's "Start ticket processes": the processes of the next batch of tickets the scan opened, in this
 * job's transaction. Each job takes whatever is still pending, so a failed batch retried later meets no gap and no twin.
 */
@Component
class StartTicketProcessesDelegate implements JavaDelegate {

    private final TicketProcessStarts starts;

    StartTicketProcessesDelegate(TicketProcessStarts starts) {
        this.starts = starts;
    }

    @Override
    public void execute(DelegateExecution execution) {
        starts.startPending(TicketProcessStarts.BATCH);
    }
}
