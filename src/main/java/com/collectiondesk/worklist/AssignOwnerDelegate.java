package com.collectiondesk.worklist;

import com.collectiondesk.ticket.TicketProcess;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/** After the segment decision: the ticket gets its owner (bpmn: record-segment, end listener). */
@Component
class AssignOwnerDelegate implements ExecutionListener {

    private final OwnerAssignment assignment;

    AssignOwnerDelegate(OwnerAssignment assignment) {
        this.assignment = assignment;
    }

    @Override
    public void notify(DelegateExecution execution) {
        assignment.assign((Long) execution.getVariable(TicketProcess.TICKET_ID));
    }
}
