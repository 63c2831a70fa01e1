package com.collectiondesk.ticket;

import com.collectiondesk.errors.NotFound;
import com.collectiondesk.ledger.LedgerQueries.OpenInvoice;
import com.collectiondesk.ledger.OverdueInvoices;
import com.collectiondesk.system.BusinessClock;
import com.collectiondesk.ticket.TicketRows.EventRow;
import com.collectiondesk.ticket.TicketRows.Figures;
import com.collectiondesk.ticket.TicketRows.NewRow;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Opens, refreshes and closes many tickets in a few statements each, with the figures, invoice links and timeline
 * lines {@link TicketService} gives one ticket: what the daily scan does per chunk. Tickets opened here have no process
 * yet; {@link TicketProcessStarts} starts them in batches once the scan's chunk is committed.
 */
@Service
@Transactional
public class BulkTickets {

    /** A debtor's currency that is to get a ticket. */
    public record ToOpen(Long customerPk, String currency) {
    }

    private record Key(Long customerPk, String currency) {
    }

    private final TicketRows rows;
    private final TicketNumbers numbers;
    private final OverdueInvoices overdueInvoices;
    private final OverdueFigures figures;
    private final ObjectProvider<HeldInvoices> holds;
    private final TicketProcessGateway processes;
    private final BusinessClock clock;
    private final ApplicationEventPublisher events;

    BulkTickets(TicketRows rows, TicketNumbers numbers, OverdueInvoices overdueInvoices, OverdueFigures figures,
                ObjectProvider<HeldInvoices> holds, TicketProcessGateway processes, BusinessClock clock,
                ApplicationEventPublisher events) {
        this.rows = rows;
        this.numbers = numbers;
        this.overdueInvoices = overdueInvoices;
        this.figures = figures;
        this.holds = holds;
        this.processes = processes;
        this.clock = clock;
        this.events = events;
    }

    /** Opens a ticket for each; their processes start later, in batches ({@link TicketProcessStarts}). Returns the ids. */
    public List<Long> openAll(List<ToOpen> wanted, LocalDate asOf) {
        return open(wanted, asOf, true);
    }

    /** {@code processPending}: the ticket waits for {@link TicketProcessStarts}; false: the caller starts it now. */
    List<Long> open(List<ToOpen> wanted, LocalDate asOf, boolean processPending) {
        if (wanted.isEmpty()) {
            return List.of();
        }
        Set<Long> customers = new LinkedHashSet<>();
        wanted.forEach(open -> customers.add(open.customerPk()));
        Map<Key, List<OpenInvoice>> overdue = overdueOf(customers, asOf);
        Set<Long> onHold = heldAmong(customers, overdue, asOf);
        Map<Long, String> legalEntities = rows.legalEntities(customers);
        List<Long> ids = rows.ids("ticket_seq", wanted.size());
        List<String> ticketNumbers = numbers.next(asOf, wanted.size());
        Instant now = clock.now();
        List<NewRow> newRows = new ArrayList<>(wanted.size());
        Map<Long, Set<Long>> links = new LinkedHashMap<>();
        List<EventRow> opened = new ArrayList<>(wanted.size());
        for (int i = 0; i < wanted.size(); i++) {
            ToOpen open = wanted.get(i);
            String legalEntity = legalEntities.get(open.customerPk());
            if (legalEntity == null) {
                throw new NotFound("No customer with id " + open.customerPk());
            }
            List<OpenInvoice> invoices = overdue.getOrDefault(new Key(open.customerPk(), open.currency()), List.of());
            Overdue figuresNow = figures.of(invoices, asOf);
            newRows.add(new NewRow(ids.get(i), ticketNumbers.get(i), open.customerPk(), legalEntity, open.currency(),
                    figuresNow, OverdueFigures.held(invoices, onHold), asOf, processPending));
            links.put(ids.get(i), pks(invoices));
            opened.add(new EventRow(ids.get(i), "OPENED", now, OverdueFigures.openedDetails(figuresNow, open.currency()), null));
        }
        rows.insertTickets(newRows, Instant.now());
        rows.insertLinks(links);
        rows.insertEvents(opened);
        return ids;
    }

    /** Recomputes each ticket's amounts, DPD and bucket; newly overdue invoices join it. Returns how many it refreshed. */
    public int refreshAll(Collection<Long> ticketIds, LocalDate asOf) {
        return refresh(ticketIds, asOf).size();
    }

    /**
     * Refreshes each ticket; one whose process waits for it is told it is settled (the process closes it), the others
     * close as PAID here. Returns how many it worked.
     */
    public int closeAllPaid(Collection<Long> ticketIds, LocalDate asOf, String author) {
        List<Figures> refreshed = refresh(ticketIds, asOf);
        List<Figures> toClose = refreshed.stream()
                .filter(ticket -> !processes.deliver(ticket.ticketNumber(), TicketProcess.MSG_SETTLED)).toList();
        close(toClose, CloseReason.PAID, author);
        return refreshed.size();
    }

    private List<Figures> refresh(Collection<Long> ticketIds, LocalDate asOf) {
        if (ticketIds.isEmpty()) {
            return List.of();
        }
        List<Figures> before = rows.figures(ticketIds);
        Set<Long> customers = new LinkedHashSet<>();
        before.forEach(ticket -> customers.add(ticket.customerPk()));
        Map<Key, List<OpenInvoice>> overdue = overdueOf(customers, asOf);
        Set<Long> onHold = heldAmong(customers, overdue, asOf);
        Map<Long, Set<Long>> held = rows.invoiceLinks(ticketIds);
        List<Figures> after = new ArrayList<>(before.size());
        List<Figures> changed = new ArrayList<>();
        Map<Long, Set<Long>> joining = new LinkedHashMap<>();
        for (Figures ticket : before) {
            List<OpenInvoice> invoices = overdue.getOrDefault(new Key(ticket.customerPk(), ticket.currency()), List.of());
            Overdue now = figures.of(invoices, asOf);
            Figures refreshed = new Figures(ticket.id(), ticket.ticketNumber(), ticket.customerPk(), ticket.currency(),
                    now.amount(), OverdueFigures.held(invoices, onHold), now.maxDpd(), now.bucket(),
                    now.productType() != null ? now.productType() : ticket.productType());
            Set<Long> newInvoices = pks(invoices);
            newInvoices.removeAll(held.getOrDefault(ticket.id(), Set.of()));
            if (!newInvoices.isEmpty()) {
                joining.put(ticket.id(), newInvoices);
            }
            if (!newInvoices.isEmpty() || !sameFigures(ticket, refreshed)) {
                changed.add(refreshed);
            }
            after.add(refreshed);
        }
        rows.updateFigures(changed, Instant.now());
        rows.insertLinks(joining);
        return after;
    }

    private void close(List<Figures> tickets, CloseReason reason, String author) {
        if (tickets.isEmpty()) {
            return;
        }
        Instant at = clock.now();
        Set<Long> closed = new LinkedHashSet<>(rows.close(tickets.stream().map(Figures::id).toList(), reason, at));
        List<Figures> nowClosed = tickets.stream().filter(ticket -> closed.contains(ticket.id())).toList();
        rows.insertEvents(nowClosed.stream().map(ticket -> new EventRow(ticket.id(), "CLOSED", at,
                OverdueFigures.closedDetails(reason, ticket.overdueAmount(), ticket.currency()), author)).toList());
        nowClosed.forEach(ticket -> events.publishEvent(new TicketClosed(ticket.id(), reason, at, author)));
    }

    private Map<Key, List<OpenInvoice>> overdueOf(Collection<Long> customers, LocalDate asOf) {
        Map<Key, List<OpenInvoice>> overdue = new HashMap<>();
        for (OverdueInvoices.Row row : overdueInvoices.of(customers, asOf)) {
            overdue.computeIfAbsent(new Key(row.customerPk(), row.invoice().currency()), key -> new ArrayList<>()).add(row.invoice());
        }
        return overdue;
    }

    private Set<Long> heldAmong(Collection<Long> customers, Map<Key, List<OpenInvoice>> overdue, LocalDate asOf) {
        HeldInvoices held = holds.getIfAvailable();
        if (held == null || overdue.isEmpty()) {
            return Set.of();
        }
        Set<Long> invoices = new LinkedHashSet<>();
        overdue.values().forEach(list -> invoices.addAll(pks(list)));
        return held.heldAmongAll(customers, invoices, asOf);
    }

    private static Set<Long> pks(List<OpenInvoice> invoices) {
        Set<Long> pks = new LinkedHashSet<>();
        invoices.forEach(invoice -> pks.add(invoice.pk()));
        return pks;
    }

    private static boolean sameFigures(Figures a, Figures b) {
        return a.overdueAmount().compareTo(b.overdueAmount()) == 0 && a.heldAmount().compareTo(b.heldAmount()) == 0
                && a.maxDpd() == b.maxDpd() && Objects.equals(a.bucket(), b.bucket())
                && Objects.equals(a.productType(), b.productType());
    }
}
