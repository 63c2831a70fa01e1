package com.collectiondesk.ticket;

import com.collectiondesk.errors.NotFound;
import com.collectiondesk.ledger.LedgerQueries.DebtorFacts;
import com.collectiondesk.ledger.LedgerQueries;
import com.collectiondesk.security.EntityScope;
import jakarta.persistence.criteria.Predicate;
import java.math.BigDecimal;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.Objects;
import java.util.Optional;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
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

    /** An open ticket as a manager picks it for reassignment or sees it in a collector's queue. */
    public record OpenTicket(String ticketNumber, TicketStatus status, String owner, String segment, String bucket,
                             BigDecimal overdueAmount, String currency, int maxDpd) {
    }

    /** Which open tickets: every criterion given must match; none given matches every open ticket. */
    public record OpenTicketFilter(String owner, String segment, String bucket) {
    }

    private final TicketRepository tickets;
    private final Timeline timeline;
    private final LedgerQueries ledger;
    private final EntityScope scope;

    TicketOwnership(TicketRepository tickets, Timeline timeline, LedgerQueries ledger, EntityScope scope) {
        this.scope = scope;
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
        // another legal entity's ticket is as unknown to a user limited to entities as a missing one
        return tickets.findByTicketNumber(ticketNumber).filter(ticket -> scope.maySee(ticket.getLegalEntity())).map(this::view);
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

    /** Open tickets matching the filter, hardest first (priority, then overdue amount); at most {@code limit}. */
    @Transactional(readOnly = true)
    public List<OpenTicket> openTickets(OpenTicketFilter filter, int limit) {
        Specification<Ticket> matching = (root, query, cb) -> {
            List<Predicate> where = new ArrayList<>();
            where.add(cb.notEqual(root.get("status"), TicketStatus.CLOSED));
            if (filter.owner() != null) where.add(cb.equal(root.get("owner"), filter.owner()));
            if (filter.segment() != null) where.add(cb.equal(root.get("segment"), filter.segment()));
            if (filter.bucket() != null) where.add(cb.equal(root.get("bucket"), filter.bucket()));
            scope.limitedTo().ifPresent(entities -> where.add(root.get("legalEntity").in(entities)));
            return cb.and(where.toArray(Predicate[]::new));
        };
        Sort hardestFirst = Sort.by(Sort.Order.asc("priority"), Sort.Order.desc("overdueAmount"), Sort.Order.asc("ticketNumber"));
        return tickets.findAll(matching, PageRequest.of(0, limit, hardestFirst)).stream()
                .map(ticket -> new OpenTicket(ticket.getTicketNumber(), ticket.getStatus(), ticket.getOwner(),
                        ticket.getSegment(), ticket.getBucket(), ticket.getOverdueAmount(), ticket.getCurrency(),
                        ticket.getMaxDpd()))
                .toList();
    }

    /** Overdue amount of the open tickets per owner and currency. */
    @Transactional(readOnly = true)
    public Map<String, Map<String, BigDecimal>> openOverdueByOwner() {
        Map<String, Map<String, BigDecimal>> overdue = new HashMap<>();
        for (Object[] row : tickets.sumOpenOverdueByOwner()) {
            overdue.computeIfAbsent((String) row[0], owner -> new TreeMap<>()).put((String) row[1], (BigDecimal) row[2]);
        }
        return overdue;
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
