package com.collectiondesk.ticket;

import java.util.function.Supplier;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/**
 * Starts ticket processes and delivers events to them by ticket number (the business key). The API has
 * already checked who may do what (@AllowedGroups), so these engine calls run as the system, not under the
 * caller's engine authorizations.
 */
@Component
public class TicketProcessGateway {

    private final RuntimeService runtime;
    private final IdentityService identity;

    TicketProcessGateway(RuntimeService runtime, IdentityService identity) {
        this.runtime = runtime;
        this.identity = identity;
    }

    public void start(Ticket ticket) {
        startAll(java.util.List.of(ticket.getTicketNumber()));
    }

    /** Starts the tickets' processes in the caller's engine command, so their rows are written in batches. */
    void startAll(java.util.Collection<String> ticketNumbers) {
        // the ticket number is the business key, which is how its delegates find the ticket
        // serviceBlocked: the closing paths read it, so it exists from the start (a BLOCK_SERVICE step sets it)
        asSystem(() -> {
            ticketNumbers.forEach(number -> runtime.startProcessInstanceByKey(TicketProcess.KEY, number,
                    java.util.Map.of(TicketProcess.SERVICE_BLOCKED, false)));
            return null;
        });
    }

    public boolean isWaitingFor(String ticketNumber, String message) {
        return asSystem(() -> runtime.createExecutionQuery().processDefinitionKey(TicketProcess.KEY)
                .processInstanceBusinessKey(ticketNumber).messageEventSubscriptionName(message).count() > 0);
    }

    /** Delivers the message if the ticket's process waits for it; returns whether it did. */
    public boolean deliver(String ticketNumber, String message) {
        return asSystem(() -> {
            if (!isWaitingFor(ticketNumber, message)) {
                return false;
            }
            runtime.createMessageCorrelation(message).processInstanceBusinessKey(ticketNumber).correlate();
            return true;
        });
    }

    public <T> T asSystem(Supplier<T> engineCall) {
        Authentication caller = identity.getCurrentAuthentication();
        if (caller == null) {
            return engineCall.get();
        }
        identity.clearAuthentication();
        try {
            return engineCall.get();
        } finally {
            identity.setAuthentication(caller);
        }
    }
}
