package com.collectiondesk.ticket;

import com.collectiondesk.erp.TicketNotice;
import com.collectiondesk.system.BusinessClock;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Builds what the ERP is told about a ticket event: opened, closed and the strategy's service stop (BLOCK_SERVICE,
 * UNBLOCK_SERVICE) here, the features' events by their {@link TicketNoticePart}.
 */
@Component
@Transactional(readOnly = true)
class TicketNotices {

    private final TicketService tickets;
    private final Map<String, TicketNoticePart> parts;
    private final BusinessClock clock;

    TicketNotices(TicketService tickets, List<TicketNoticePart> parts, BusinessClock clock) {
        this.tickets = tickets;
        this.parts = parts.stream().collect(Collectors.toMap(TicketNoticePart::type, part -> part));
        this.clock = clock;
    }

    TicketNotice of(Long ticketId, String type) {
        Ticket ticket = tickets.get(ticketId);
        String customerId = tickets.debtorOf(ticket).customerId();
        return switch (type) {
            case "OPENED" -> new TicketNotice(ticket.getTicketNumber() + "/OPENED", type, ticket.getTicketNumber(), customerId, ticket.getCurrency(),
                    ticket.getOverdueAmount(), ticket.getOpenedOn(), null, clock.now());
            case "CLOSED" -> new TicketNotice(ticket.getTicketNumber() + "/CLOSED", type, ticket.getTicketNumber(), customerId, ticket.getCurrency(),
                    ticket.getOverdueAmount(), null, String.valueOf(ticket.getCloseReason()), clock.now());
            // the strategy's service stop and its end on close: once per ticket, whatever the retries
            case "BLOCK_SERVICE", "UNBLOCK_SERVICE" -> new TicketNotice(ticket.getTicketNumber() + "/" + type, type,
                    ticket.getTicketNumber(), customerId, ticket.getCurrency(), ticket.getOverdueAmount(), null,
                    type.equals("BLOCK_SERVICE") ? "block new orders and the service until the ticket closes"
                            : "ticket closed (" + ticket.getCloseReason() + "): unblock the service", clock.now());
            default -> {
                TicketNoticePart part = parts.get(type);
                if (part == null) {
                    throw new IllegalArgumentException("erpEvent: unknown ticket event " + type);
                }
                yield part.of(ticket, customerId, clock.now());
            }
        };
    }
}
