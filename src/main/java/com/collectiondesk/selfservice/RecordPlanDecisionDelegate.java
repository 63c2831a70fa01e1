package com.collectiondesk.selfservice;

import com.collectiondesk.ticket.CurrentActor;
import com.collectiondesk.ticket.TaskInputRefused;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Completing "Decide payment plan": the decision must be APPROVE or REFUSE (else Tasklist shows the refusal and the
 * task stays open), and who decided goes with it to the plan and the ticket's timeline.
 */
@Component
class RecordPlanDecisionDelegate implements TaskListener {

    static final String DECISION = "planDecision";
    static final List<String> DECISIONS = List.of("APPROVE", "REFUSE");

    @Override
    public void notify(DelegateTask task) {
        Object decision = task.getVariable(DECISION);
        if (!(decision instanceof String value) || !DECISIONS.contains(value)) {
            throw new TaskInputRefused(DECISION, "must be one of " + DECISIONS + ", got " + decision);
        }
        task.getExecution().setVariable(PaymentPlanDelegate.DECIDED_BY, CurrentActor.of(task));
    }
}
