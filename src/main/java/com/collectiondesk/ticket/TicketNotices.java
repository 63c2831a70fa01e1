package com.collectiondesk.ticket;

import com.collectiondesk.erp.TicketNotice;
import com.collectiondesk.system.BusinessClock;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Builds what the ERP is told about a ticket event from the ticket and its latest promise or dispute. */
@Component
@Transactional(readOnly = true)
class TicketNotices {

    private final TicketService tickets;
    private final PromiseRepository promises;
    private final DisputeRepository disputes;
    private final BusinessClock clock;

    TicketNotices(TicketService tickets, PromiseRepository promises, DisputeRepository disputes, BusinessClock clock) {
        this.tickets = tickets;
        this.promises = promises;
        this.disputes = disputes;
        this.clock = clock;
    }

    TicketNotice of(Long ticketId, String type) {
        Ticket ticket = tickets.get(ticketId);
        String customerId = tickets.debtorOf(ticket).customerId();
        return switch (type) {
            case "PROMISE" -> promises.findFirstByTicketIdAndStatusOrderByIdDesc(ticketId, Promise.Status.PENDING)
                    .map(p -> new TicketNotice(ticket.getTicketNumber() + "/PROMISE/" + p.getId(), type, ticket.getTicketNumber(), customerId, ticket.getCurrency(),
                            p.getAmount(), p.getPromisedDate(), null, clock.now()))
                    .orElseThrow(() -> new IllegalStateException("Ticket " + ticket.getTicketNumber() + " has no pending promise"));
            case "DISPUTE" -> disputes.findFirstByTicketIdAndResolutionIsNullOrderByIdDesc(ticketId)
                    .map(d -> new TicketNotice(ticket.getTicketNumber() + "/DISPUTE/" + d.getId(), type, ticket.getTicketNumber(), customerId, ticket.getCurrency(),
                            d.getAmount(), null, d.getReason(), clock.now()))
                    .orElseThrow(() -> new IllegalStateException("Ticket " + ticket.getTicketNumber() + " has no open dispute"));
            case "OPENED" -> new TicketNotice(ticket.getTicketNumber() + "/OPENED", type, ticket.getTicketNumber(), customerId, ticket.getCurrency(),
                    ticket.getOverdueAmount(), ticket.getOpenedOn(), null, clock.now());
            case "CLOSED" -> new TicketNotice(ticket.getTicketNumber() + "/CLOSED", type, ticket.getTicketNumber(), customerId, ticket.getCurrency(),
                    ticket.getOverdueAmount(), null, String.valueOf(ticket.getCloseReason()), clock.now());
            default -> throw new IllegalArgumentException("erpEvent: unknown ticket event " + type);
        };
    }
}
