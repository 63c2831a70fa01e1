package com.collectiondesk.dispute;

import com.collectiondesk.ticket.Ticket;
import com.collectiondesk.ticket.TicketCommands;
import com.collectiondesk.ticket.TicketProcess;
import java.math.BigDecimal;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** A dispute from outside the process (the API), raised only when the ticket's process waits for one. */
@Service
@Transactional
public class DisputeCommands {

    private final TicketCommands tickets;
    private final DisputeService disputes;

    DisputeCommands(TicketCommands tickets, DisputeService disputes) {
        this.tickets = tickets;
        this.disputes = disputes;
    }

    public Dispute dispute(String ticketNumber, String reason, BigDecimal amount, String author) {
        return dispute(ticketNumber, null, reason, amount, author);
    }

    /** As {@link #dispute(String, String, BigDecimal, String)}, contesting money of one of the ticket's invoices only. */
    public Dispute dispute(String ticketNumber, Long invoicePk, String reason, BigDecimal amount, String author) {
        Ticket ticket = tickets.expecting(ticketNumber, TicketProcess.MSG_DISPUTE_RAISED, "a dispute");
        Dispute dispute = disputes.raise(ticket, invoicePk, reason, amount, author);
        tickets.deliver(ticketNumber, TicketProcess.MSG_DISPUTE_RAISED);
        return dispute;
    }
}
