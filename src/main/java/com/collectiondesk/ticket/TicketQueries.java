package com.collectiondesk.ticket;

import com.collectiondesk.errors.InputRefused;
import com.collectiondesk.errors.NotFound;
import com.collectiondesk.ledger.Invoice;
import com.collectiondesk.ledger.LedgerQueries;
import com.collectiondesk.security.EntityScope;
import jakarta.persistence.criteria.Predicate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.Optional;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.stream.Collectors;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reads tickets for the API: filtered pages by priority, and one ticket with everything that explains it. */
@Service
@Transactional(readOnly = true)
public class TicketQueries {

    static final int MAX_PAGE_SIZE = 200;

    /**
     * {@code customerPk}: the debtor's primary key in the ledger, or null for every debtor; {@code legalEntities}: the
     * entities whose tickets match, or null for every entity.
     */
    record Filter(TicketStatus status, String owner, String bucket, String segment, String productType, Long customerPk,
                  Collection<String> legalEntities) {
    }

    private final TicketRepository tickets;
    private final TicketEventRepository events;
    private final List<TicketDetailPart> parts;
    private final LedgerQueries ledger;
    private final EntityScope scope;

    TicketQueries(TicketRepository tickets, TicketEventRepository events, List<TicketDetailPart> parts, LedgerQueries ledger,
                  EntityScope scope) {
        this.scope = scope;
        this.tickets = tickets;
        this.events = events;
        this.parts = parts;
        this.ledger = ledger;
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
            if (filter.customerPk() != null) where.add(cb.equal(root.get("customerPk"), filter.customerPk()));
            if (filter.legalEntities() != null) {
                where.add(filter.legalEntities().isEmpty() ? cb.disjunction() : root.get("legalEntity").in(filter.legalEntities()));
            }
            return cb.and(where.toArray(Predicate[]::new));
        };
        Sort byPriority = Sort.by(Sort.Order.asc("priority"), Sort.Order.desc("overdueAmount"),
                Sort.Order.asc("ticketNumber"));
        Page<Ticket> found = tickets.findAll(matching, PageRequest.of(page, size, byPriority));
        Map<Long, LedgerQueries.DebtorName> debtors = ledger.debtorNames(found.stream().map(Ticket::getCustomerPk).collect(Collectors.toSet()));
        return found.map(ticket -> TicketViews.Summary.of(ticket, debtors.get(ticket.getCustomerPk())));
    }

    public TicketViews.Detail detail(String ticketNumber) {
        return detail(visible(ticketNumber));
    }

    /** The ticket, if the current user may see its legal entity; another entity's is as unknown as a missing one. */
    Ticket visible(String ticketNumber) {
        return tickets.findByTicketNumber(ticketNumber).filter(ticket -> scope.maySee(ticket.getLegalEntity()))
                .orElseThrow(() -> new NotFound("No ticket " + ticketNumber));
    }

    /** Every ticket of the debtor the current user may see, open and closed, newest first, with parts and timeline. */
    public List<TicketViews.Detail> detailsOf(Long customerPk) {
        return tickets.findByCustomerPkOrderByIdDesc(customerPk).stream()
                .filter(ticket -> scope.maySee(ticket.getLegalEntity())).map(this::detail).toList();
    }

    /** The debtor (ledger primary key) a ticket number belongs to. */
    public Optional<Long> debtorOf(String ticketNumber) {
        return tickets.findByTicketNumber(ticketNumber).map(Ticket::getCustomerPk);
    }

    /** Each debtor's open ticket number (the newest when, in several currencies, there are more). */
    public Map<Long, String> openTicketNumbers(Collection<Long> customerPks) {
        Map<Long, String> numbers = new HashMap<>();
        if (!customerPks.isEmpty()) {
            tickets.findOpenByCustomers(customerPks).forEach(ticket -> numbers.put(ticket.getCustomerPk(), ticket.getTicketNumber()));
        }
        return numbers;
    }

    /** The numbers of every open ticket of one debtor, oldest first. */
    public List<String> openTicketNumbersOf(Long customerPk) {
        return tickets.findOpenByCustomers(List.of(customerPk)).stream().map(Ticket::getTicketNumber).toList();
    }

    private TicketViews.Detail detail(Ticket ticket) {
        Long id = ticket.getId();
        List<TicketViews.EventView> timeline = events.findByTicketIdOrderByAtAscIdAsc(id).stream().map(TicketViews.EventView::of).toList();
        LedgerQueries.DebtorFacts debtor = ledger.debtor(ticket.getCustomerPk());
        return new TicketViews.Detail(TicketViews.Summary.of(ticket, new LedgerQueries.DebtorName(debtor.customerId(), debtor.name())),
                ledger.invoiceNumbers(ticket.getInvoicePks()),
                partsOf(id),
                timeline.stream().filter(e -> e.type().equals("PAYMENT")).toList(),
                timeline.stream().filter(e -> e.type().equals("SEGMENT_DECIDED") || e.type().equals("STRATEGY_VARIANT")
                        || e.type().equals("STRATEGY_PLANNED")).toList(),
                timeline);
    }

    private Map<String, List<?>> partsOf(Long ticketId) {
        Map<String, List<?>> byName = new LinkedHashMap<>();
        parts.forEach(part -> byName.put(part.name(), part.of(ticketId)));
        return byName;
    }
}
