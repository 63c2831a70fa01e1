package com.collectiondesk.promise;

import com.collectiondesk.ticket.Ticket;
import com.collectiondesk.ticket.TicketCommands;
import com.collectiondesk.ticket.TicketProcess;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** A promise from outside the process (the API), taken only when the ticket's process waits for one. */
@Service
@Transactional
public class PromiseCommands {

    private final TicketCommands tickets;
    private final PromiseService promises;

    PromiseCommands(TicketCommands tickets, PromiseService promises) {
        this.tickets = tickets;
        this.promises = promises;
    }

    public Promise promise(String ticketNumber, BigDecimal amount, LocalDate date, String author) {
        Ticket ticket = tickets.expecting(ticketNumber, TicketProcess.MSG_PROMISE_MADE, "a promise");
        Promise promise = promises.take(ticket, amount, date, author);
        tickets.deliver(ticketNumber, TicketProcess.MSG_PROMISE_MADE);
        return promise;
    }
}
