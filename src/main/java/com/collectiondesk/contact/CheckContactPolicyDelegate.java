package com.collectiondesk.contact;

import com.collectiondesk.ticket.ProcessTickets;
import com.collectiondesk.ticket.TicketProcess;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Asks the contact policy before the step's channel runs: allowed, postponed (with when) or skipped. */
@Component
class CheckContactPolicyDelegate implements JavaDelegate {

    private final ContactService contacts;
    private final ProcessTickets processTickets;

    CheckContactPolicyDelegate(ContactService contacts, ProcessTickets processTickets) {
        this.contacts = contacts;
        this.processTickets = processTickets;
    }

    @Override
    public void execute(DelegateExecution execution) {
        apply(execution, contacts.checkStep(processTickets.idOf(execution),
                (Integer) execution.getVariable(TicketProcess.STEP_INDEX)));
    }

    static void apply(DelegateExecution execution, ContactDecision decision) {
        execution.setVariable(TicketProcess.CONTACT_VERDICT, decision.verdict().name());
        execution.setVariable(TicketProcess.CONTACT_RETRY_AT, decision.retryAt() == null ? null : Date.from(decision.retryAt()));
    }
}
