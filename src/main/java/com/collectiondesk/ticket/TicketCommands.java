package com.collectiondesk.ticket;

import com.collectiondesk.errors.NotFound;
import com.collectiondesk.security.EntityScope;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.NoSuchElementException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Events from outside the process (promises and disputes through the API). Each is accepted only when the
 * ticket's process waits for it; anything else is a conflict that names the ticket's state, and nothing is stored.
 */
@Service
@Transactional
public class TicketCommands {

    private final TicketRepository tickets;
    private final TicketProcessGateway processes;
    private final EntityScope scope;

    TicketCommands(TicketRepository tickets, TicketProcessGateway processes, EntityScope scope) {
        this.scope = scope;
        this.tickets = tickets;
        this.processes = processes;
    }

    /** The open ticket whose process waits for {@code message}; {@code what} names the event, e.g. "a promise". */
    public Ticket expecting(String ticketNumber, String message, String what) {
        Ticket ticket = tickets.findByTicketNumber(ticketNumber).filter(found -> scope.maySee(found.getLegalEntity()))
                .orElseThrow(() -> new NotFound("No ticket " + ticketNumber));
        if (ticket.isClosed()) {
            throw new TicketConflictException("Ticket " + ticketNumber + " is closed (" + ticket.getCloseReason()
                    + "); it takes no " + what.substring(2) + " any more.");
        }
        if (!processes.isWaitingFor(ticketNumber, message)) {
            throw new TicketConflictException("Ticket " + ticketNumber + " is " + ticket.getStatus()
                    + " and cannot take " + what + " now: the strategy is paused or not started yet.");
        }
        return ticket;
    }

    /** Moves the ticket's process on by the message it waits for. */
    public void deliver(String ticketNumber, String message) {
        processes.deliver(ticketNumber, message);
    }
}
