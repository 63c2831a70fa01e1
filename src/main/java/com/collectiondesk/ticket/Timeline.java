package com.collectiondesk.ticket;

import com.collectiondesk.system.BusinessClock;
import java.util.List;
import org.springframework.stereotype.Component;

/** Writes the ticket's timeline: every step, decision, contact, promise, dispute and payment. */
@Component
public class Timeline {

    private final TicketEventRepository events;
    private final BusinessClock clock;

    Timeline(TicketEventRepository events, BusinessClock clock) {
        this.events = events;
        this.clock = clock;
    }

    public void record(Ticket ticket, String type, String details) {
        record(ticket, type, details, null);
    }

    public void record(Ticket ticket, String type, String details, String author) {
        events.save(new TicketEvent(ticket.getId(), type, clock.now(), details, author));
    }

    public List<TicketEvent> of(Ticket ticket) {
        return events.findByTicketIdOrderByAtAscIdAsc(ticket.getId());
    }
}
