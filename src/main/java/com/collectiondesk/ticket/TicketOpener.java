package com.collectiondesk.ticket;

import com.collectiondesk.ledger.Customer;
import com.collectiondesk.ledger.CustomerRepository;
import java.time.LocalDate;
import com.collectiondesk.errors.NotFound;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Opens a ticket and starts its process with the ticket number as business key. */
@Service
@Transactional
class TicketOpener {

    private final CustomerRepository customers;
    private final TicketService tickets;
    private final TicketProcessGateway processes;

    TicketOpener(CustomerRepository customers, TicketService tickets, TicketProcessGateway processes) {
        this.customers = customers;
        this.tickets = tickets;
        this.processes = processes;
    }

    Ticket open(Long customerPk, String currency, LocalDate asOf) {
        Customer customer = customers.findById(customerPk)
                .orElseThrow(() -> new NotFound("No customer with id " + customerPk));
        Ticket ticket = tickets.open(customer, currency, asOf);
        processes.start(ticket);
        return ticket;
    }
}
