package com.collectiondesk.selfservice;

import com.collectiondesk.errors.ProblemSource;
import com.collectiondesk.ticket.CurrentActor;
import com.collectiondesk.ticket.TaskInputRefused;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Completing "Confirm contact correction": APPROVE writes the new phone or e-mail to the ledger (a value the ledger
 * refuses keeps the task open with the ledger's reason), REFUSE changes nothing; either is on the timeline with the
 * owner as author.
 */
@Component
class ApplyContactCorrectionDelegate implements TaskListener {

    private final ContactCorrections corrections;

    ApplyContactCorrectionDelegate(ContactCorrections corrections) {
        this.corrections = corrections;
    }

    @Override
    public void notify(DelegateTask task) {
        Object decision = task.getVariable(ContactCorrections.DECISION);
        ContactCorrections.Decision value;
        try {
            value = ContactCorrections.Decision.valueOf(String.valueOf(decision));
        } catch (IllegalArgumentException e) {
            throw new TaskInputRefused(ContactCorrections.DECISION, "must be APPROVE or REFUSE, got " + decision);
        }
        Object id = task.getVariable(ContactCorrections.CORRECTION_ID);
        try {
            corrections.decide(((Number) id).longValue(), value, CurrentActor.of(task));
        } catch (RuntimeException refused) {
            if (refused instanceof ProblemSource source) {
                throw new TaskInputRefused("correctionNew", "the debtor's record does not take it: " + source.toProblem().getDetail());
            }
            throw refused;
        }
    }
}
