package com.collectiondesk.worklist;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** bpmn/task-digest.bpmn: mails the daily digest and keeps what it did as variables for Cockpit. */
@Component
class SendTaskDigestDelegate implements JavaDelegate {

    private final TaskDigest digest;

    SendTaskDigestDelegate(TaskDigest digest) {
        this.digest = digest;
    }

    @Override
    public void execute(DelegateExecution execution) {
        TaskDigest.Outcome outcome = digest.send();
        execution.setVariable("collectorsMailed", outcome.collectorsMailed());
        execution.setVariable("teamLeadsMailed", outcome.teamLeadsMailed());
    }
}
