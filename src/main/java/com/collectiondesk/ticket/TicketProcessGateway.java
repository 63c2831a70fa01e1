package com.collectiondesk.ticket;

import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Component;

/** Starts ticket processes and delivers events to them by ticket number (the business key). */
@Component
class TicketProcessGateway {

    private final RuntimeService runtime;

    TicketProcessGateway(RuntimeService runtime) {
        this.runtime = runtime;
    }

    void start(Ticket ticket) {
        runtime.startProcessInstanceByKey(TicketProcess.KEY, ticket.getTicketNumber(),
                Map.of(TicketProcess.TICKET_ID, ticket.getId()));
    }

    boolean isWaitingFor(String ticketNumber, String message) {
        return runtime.createExecutionQuery().processDefinitionKey(TicketProcess.KEY)
                .processInstanceBusinessKey(ticketNumber).messageEventSubscriptionName(message).count() > 0;
    }

    /** Delivers the message if the ticket's process waits for it; returns whether it did. */
    boolean deliver(String ticketNumber, String message) {
        if (!isWaitingFor(ticketNumber, message)) {
            return false;
        }
        runtime.createMessageCorrelation(message).processInstanceBusinessKey(ticketNumber).correlate();
        return true;
    }
}
