package com.collectiondesk.contact;

import com.collectiondesk.ticket.ProcessTickets;
import com.collectiondesk.ticket.TicketProcess;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Sends the current step's SMS, email, letter or voice message through the outreach port, once. If the
 * contact policy refuses at send time, {@code contactVerdict} sends the process back to wait or on.
 */
@Component
class SendOutreachDelegate implements JavaDelegate {

    private final ContactService contacts;
    private final ProcessTickets processTickets;

    SendOutreachDelegate(ContactService contacts, ProcessTickets processTickets) {
        this.contacts = contacts;
        this.processTickets = processTickets;
    }

    @Override
    public void execute(DelegateExecution execution) {
        CheckContactPolicyDelegate.apply(execution, contacts.sendStep(processTickets.idOf(execution),
                (Integer) execution.getVariable(TicketProcess.STEP_INDEX)));
    }
}
