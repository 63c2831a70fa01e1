package com.collectiondesk.ticket;

import com.collectiondesk.errors.InputRefused;
import com.collectiondesk.ledger.Invoice;
import jakarta.persistence.criteria.Predicate;
import java.util.ArrayList;
import java.util.List;
import com.collectiondesk.errors.NotFound;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reads tickets for the API: filtered pages by priority, and one ticket with everything that explains it. */
@Service
@Transactional(readOnly = true)
class TicketQueries {

    static final int MAX_PAGE_SIZE = 200;

    record Filter(TicketStatus status, String owner, String bucket, String segment, String productType) {
    }

    private final TicketRepository tickets;
    private final TicketStepRepository steps;
    private final ContactAttemptRepository contacts;
    private final PromiseRepository promises;
    private final DisputeRepository disputes;
    private final TicketEventRepository events;

    TicketQueries(TicketRepository tickets, TicketStepRepository steps, ContactAttemptRepository contacts,
                  PromiseRepository promises, DisputeRepository disputes, TicketEventRepository events) {
        this.tickets = tickets;
        this.steps = steps;
        this.contacts = contacts;
        this.promises = promises;
        this.disputes = disputes;
        this.events = events;
    }

    Page<TicketViews.Summary> list(Filter filter, int page, int size) {
        if (page < 0) {
            throw new InputRefused("page", "must be 0 or more, got " + page);
        }
        if (size < 1 || size > MAX_PAGE_SIZE) {
            throw new InputRefused("size", "must be between 1 and " + MAX_PAGE_SIZE + ", got " + size);
        }
        Specification<Ticket> matching = (root, query, cb) -> {
            List<Predicate> where = new ArrayList<>();
            if (filter.status() != null) where.add(cb.equal(root.get("status"), filter.status()));
            if (filter.owner() != null) where.add(cb.equal(root.get("owner"), filter.owner()));
            if (filter.bucket() != null) where.add(cb.equal(root.get("bucket"), filter.bucket()));
            if (filter.segment() != null) where.add(cb.equal(root.get("segment"), filter.segment()));
            if (filter.productType() != null) where.add(cb.equal(root.get("productType"), filter.productType()));
            return cb.and(where.toArray(Predicate[]::new));
        };
        Sort byPriority = Sort.by(Sort.Order.asc("priority"), Sort.Order.desc("overdueAmount"),
                Sort.Order.asc("ticketNumber"));
        return tickets.findAll(matching, PageRequest.of(page, size, byPriority)).map(TicketViews.Summary::of);
    }

    TicketViews.Detail detail(String ticketNumber) {
        Ticket ticket = tickets.findByTicketNumber(ticketNumber)
                .orElseThrow(() -> new NotFound("No ticket " + ticketNumber));
        Long id = ticket.getId();
        List<TicketViews.EventView> timeline = events.findByTicketIdOrderByAtAscIdAsc(id).stream().map(TicketViews.EventView::of).toList();
        return new TicketViews.Detail(TicketViews.Summary.of(ticket),
                ticket.getInvoices().stream().map(Invoice::getInvoiceNumber).sorted().toList(),
                steps.findByTicketIdOrderByPlanRoundAscStepIndexAsc(id).stream().map(TicketViews.StepView::of).toList(),
                contacts.findByTicketIdOrderByAtAscIdAsc(id).stream().map(TicketViews.ContactView::of).toList(),
                promises.findByTicketIdOrderByIdAsc(id).stream().map(TicketViews.PromiseView::of).toList(),
                disputes.findByTicketIdOrderByIdAsc(id).stream().map(TicketViews.DisputeView::of).toList(),
                timeline.stream().filter(e -> e.type().equals("PAYMENT")).toList(),
                timeline.stream().filter(e -> e.type().equals("SEGMENT_DECIDED") || e.type().equals("STRATEGY_PLANNED")).toList(),
                timeline);
    }
}
