package com.collectiondesk.ticket;

import com.collectiondesk.ledger.PaymentBooked;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Runs inside the ledger's booking transaction: the customer's open tickets take the new amounts, and a
 * ticket with nothing overdue any more is settled (its process closes it as PAID from whatever it waited
 * for). If the correlation fails, the booking rolls back with it, so no payment is ever lost to a ticket.
 */
@Component
class PaymentListener {

    private final TicketRepository ticketRepository;
    private final TicketService tickets;
    private final TicketProcessGateway processes;
    private final Timeline timeline;

    PaymentListener(TicketRepository ticketRepository, TicketService tickets, TicketProcessGateway processes,
                    Timeline timeline) {
        this.ticketRepository = ticketRepository;
        this.tickets = tickets;
        this.processes = processes;
        this.timeline = timeline;
    }

    @EventListener
    void on(PaymentBooked payment) {
        for (Ticket ticket : ticketRepository.findOpenByCustomer(payment.customerPk())) {
            if (!ticket.getCurrency().equals(payment.currency())) {
                continue;
            }
            Overdue overdue = tickets.refresh(ticket);
            timeline.record(ticket, "PAYMENT", "Payment " + payment.paymentId() + " of " + payment.amount() + " "
                    + payment.currency() + "; overdue now " + overdue.amount());
            if (overdue.isNothing() && !processes.deliver(ticket.getTicketNumber(), TicketProcess.MSG_SETTLED)) {
                tickets.close(ticket, CloseReason.PAID, null);
            }
        }
    }
}
