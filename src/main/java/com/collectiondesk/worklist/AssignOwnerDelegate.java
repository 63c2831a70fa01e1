package com.collectiondesk.worklist;

import com.collectiondesk.ticket.ProcessTickets;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/** After the segment decision: the ticket gets its owner (bpmn: record-segment, end listener). */
@Component
class AssignOwnerDelegate implements ExecutionListener {

    private final OwnerAssignment assignment;
    private final ProcessTickets processTickets;

    AssignOwnerDelegate(OwnerAssignment assignment, ProcessTickets processTickets) {
        this.assignment = assignment;
        this.processTickets = processTickets;
    }

    @Override
    public void notify(DelegateExecution execution) {
        assignment.assign(processTickets.idOf(execution));
    }
}
