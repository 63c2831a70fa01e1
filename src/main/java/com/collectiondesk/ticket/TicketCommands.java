package com.collectiondesk.ticket;

import java.math.BigDecimal;
import java.time.LocalDate;
import com.collectiondesk.errors.NotFound;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Promises and disputes from outside the process (the API). Each is accepted only when the ticket's process
 * waits for it; anything else is a conflict that names the ticket's state, and nothing is stored.
 */
@Service
@Transactional
class TicketCommands {

    private final TicketRepository tickets;
    private final PromiseService promises;
    private final DisputeService disputes;
    private final TicketProcessGateway processes;

    TicketCommands(TicketRepository tickets, PromiseService promises, DisputeService disputes, TicketProcessGateway processes) {
        this.tickets = tickets;
        this.promises = promises;
        this.disputes = disputes;
        this.processes = processes;
    }

    Promise promise(String ticketNumber, BigDecimal amount, LocalDate date, String author) {
        Ticket ticket = expecting(ticketNumber, TicketProcess.MSG_PROMISE_MADE, "a promise");
        Promise promise = promises.take(ticket, amount, date, author);
        processes.deliver(ticketNumber, TicketProcess.MSG_PROMISE_MADE);
        return promise;
    }

    Dispute dispute(String ticketNumber, String reason, BigDecimal amount, String author) {
        Ticket ticket = expecting(ticketNumber, TicketProcess.MSG_DISPUTE_RAISED, "a dispute");
        Dispute dispute = disputes.raise(ticket, reason, amount, author);
        processes.deliver(ticketNumber, TicketProcess.MSG_DISPUTE_RAISED);
        return dispute;
    }

    private Ticket expecting(String ticketNumber, String message, String what) {
        Ticket ticket = tickets.findByTicketNumber(ticketNumber)
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
}
