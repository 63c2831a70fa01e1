package com.collectiondesk.ticket;

import com.collectiondesk.errors.NotFound;
import com.collectiondesk.ledger.LedgerQueries.DebtorFacts;
import com.collectiondesk.ledger.LedgerQueries;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Who owns a ticket: the facts assignment needs, the open-ticket load per owner, and owner changes on the timeline. */
@Service
@Transactional
public class TicketOwnership {

    /** What assignment and task planning need to know about a ticket. */
    public record OwnedTicket(Long id, String ticketNumber, String owner, String language, String productType,
                              Integer priority, ZoneId zone, TicketStatus status) {
    }

    private final TicketRepository tickets;
    private final Timeline timeline;
    private final LedgerQueries ledger;

    TicketOwnership(TicketRepository tickets, Timeline timeline, LedgerQueries ledger) {
        this.tickets = tickets;
        this.timeline = timeline;
        this.ledger = ledger;
    }

    @Transactional(readOnly = true)
    public OwnedTicket byId(Long ticketId) {
        return view(tickets.findById(ticketId).orElseThrow(() -> new NotFound("No ticket with id " + ticketId)));
    }

    @Transactional(readOnly = true)
    public Optional<OwnedTicket> byNumber(String ticketNumber) {
        return tickets.findByTicketNumber(ticketNumber).map(this::view);
    }

    /** Open (not closed) tickets per owner. */
    @Transactional(readOnly = true)
    public Map<String, Long> openTicketsByOwner() {
        Map<String, Long> load = new HashMap<>();
        for (Object[] row : tickets.countOpenByOwner()) {
            load.put((String) row[0], (Long) row[1]);
        }
        return load;
    }

    /** Sets the owner and records the change on the timeline; returns false when nothing changed. */
    public boolean changeOwner(Long ticketId, String owner, String author, String why) {
        Ticket ticket = tickets.findById(ticketId).orElseThrow(() -> new NotFound("No ticket with id " + ticketId));
        if (Objects.equals(ticket.getOwner(), owner)) {
            return false;
        }
        String previous = ticket.getOwner();
        ticket.setOwner(owner);
        timeline.record(ticket, "OWNER", (previous == null ? "Owner " : "Owner " + previous + " -> ") + owner + ": " + why, author);
        return true;
    }

    private OwnedTicket view(Ticket ticket) {
        DebtorFacts customer = ledger.debtor(ticket.getCustomerPk());
        return new OwnedTicket(ticket.getId(), ticket.getTicketNumber(), ticket.getOwner(), customer.language(),
                ticket.getProductType(), ticket.getPriority(), customer.zone(), ticket.getStatus());
    }

}
