package com.collectiondesk.ticket;

import com.collectiondesk.errors.NotFound;
import com.collectiondesk.ledger.LedgerQueries;
import java.time.LocalDate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Opens a ticket and starts its process with the ticket number as business key. */
@Service
@Transactional
public class TicketOpener {

    private final LedgerQueries ledger;
    private final TicketService tickets;
    private final TicketProcessGateway processes;

    TicketOpener(LedgerQueries ledger, TicketService tickets, TicketProcessGateway processes) {
        this.ledger = ledger;
        this.tickets = tickets;
        this.processes = processes;
    }

    public Ticket open(Long customerPk, String currency, LocalDate asOf) {
        Long debtor = ledger.debtor(customerPk).pk();
        Ticket ticket = tickets.open(debtor, currency, asOf);
        processes.start(ticket);
        return ticket;
    }
}
