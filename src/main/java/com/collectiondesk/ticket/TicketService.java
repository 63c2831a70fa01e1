package com.collectiondesk.ticket;

import com.collectiondesk.errors.NotFound;
import com.collectiondesk.ledger.LedgerCommands;
import com.collectiondesk.ledger.LedgerQueries.OpenInvoice;
import com.collectiondesk.ledger.LedgerQueries;
import com.collectiondesk.security.EntityScope;
import com.collectiondesk.system.BusinessClock;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Opens, refreshes and closes tickets and keeps their overdue figures true to the ledger. */
@Service
@Transactional
public class TicketService {

    private final TicketRepository tickets;
    private final BulkTickets bulk;
    private final OverdueFigures figures;
    private final BusinessClock clock;
    private final Timeline timeline;
    private final LedgerQueries ledger;
    private final LedgerCommands ledgerCommands;
    private final ApplicationEventPublisher events;
    private final org.springframework.beans.factory.ObjectProvider<HeldInvoices> holds;
    private final EntityScope scope;
    private final EntityManager entityManager;

    TicketService(TicketRepository tickets, BulkTickets bulk, OverdueFigures figures, BusinessClock clock,
                  Timeline timeline, LedgerQueries ledger, LedgerCommands ledgerCommands, ApplicationEventPublisher events,
                  org.springframework.beans.factory.ObjectProvider<HeldInvoices> holds, EntityScope scope,
                  EntityManager entityManager) {
        this.scope = scope;
        this.tickets = tickets;
        this.bulk = bulk;
        this.figures = figures;
        this.clock = clock;
        this.timeline = timeline;
        this.ledger = ledger;
        this.ledgerCommands = ledgerCommands;
        this.events = events;
        this.holds = holds;
        this.entityManager = entityManager;
    }

    public Ticket get(Long ticketId) {
        return tickets.findById(ticketId).orElseThrow(() -> new NotFound("No ticket with id " + ticketId));
    }

    /** The ticket, if the current user (none: a job, the debtor's own page) may see its legal entity. */
    public Ticket byNumber(String ticketNumber) {
        return tickets.findByTicketNumber(ticketNumber).filter(ticket -> scope.maySee(ticket.getLegalEntity()))
                .orElseThrow(() -> new NotFound("No ticket " + ticketNumber));
    }

    /** Every open ticket, as keys only (one set-based read, whatever the portfolio's size). */
    @Transactional(readOnly = true)
    public List<OpenTicketKey> openTicketKeys() {
        return tickets.findOpenTicketKeys();
    }

    /** Every ticket of the debtor, open and closed, oldest first: the contact budgets are the debtor's. */
    @Transactional(readOnly = true)
    public List<Ticket> allOf(Long customerPk) {
        return tickets.findByCustomerPkOrderByIdAsc(customerPk);
    }

    public List<Ticket> openOf(Long customerPk) {
        return tickets.findOpenByCustomer(customerPk);
    }

    /** The debtor's newest ticket, open or closed. */
    public Optional<Ticket> latestOf(Long customerPk) {
        return tickets.findFirstByCustomerPkOrderByIdDesc(customerPk);
    }

    /** The ticket's debtor as the ledger knows them now. */
    public LedgerQueries.DebtorFacts debtorOf(Ticket ticket) {
        return ledger.debtor(ticket.getCustomerPk());
    }

    /** One ticket, written as the scan writes many ({@link BulkTickets}); the caller starts its process. */
    public Ticket open(Long customerPk, String currency, LocalDate asOf) {
        // the rows are read and written by JDBC: what this transaction saved through JPA must be in the database first
        entityManager.flush();
        Long id = bulk.open(List.of(new BulkTickets.ToOpen(customerPk, currency)), asOf, false).get(0);
        return get(id);
    }

    /** Recomputes amounts, DPD and bucket; newly overdue invoices join the ticket. */
    public Overdue refresh(Ticket ticket, LocalDate asOf) {
        List<OpenInvoice> overdueInvoices = ledger.overdue(ticket.getCustomerPk(), ticket.getCurrency(), asOf);
        Overdue overdue = figures.of(overdueInvoices, asOf);
        ticket.refresh(overdue, heldOf(ticket, overdueInvoices, asOf));
        overdueInvoices.forEach(invoice -> ticket.getInvoicePks().add(invoice.pk()));
        return overdue;
    }

    private BigDecimal heldOf(Ticket ticket, List<OpenInvoice> overdueInvoices, LocalDate asOf) {
        HeldInvoices held = holds.getIfAvailable();
        if (held == null || overdueInvoices.isEmpty()) {
            return BigDecimal.ZERO.setScale(2);
        }
        return OverdueFigures.held(overdueInvoices,
                held.heldAmong(ticket.getCustomerPk(), overdueInvoices.stream().map(OpenInvoice::pk).toList(), asOf));
    }

    public Overdue refresh(Ticket ticket) {
        return refresh(ticket, clock.today());
    }

    public void close(Ticket ticket, CloseReason reason, String author) {
        if (ticket.isClosed()) {
            return;
        }
        Instant at = clock.now();
        ticket.close(reason, at);
        if (reason == CloseReason.WRITTEN_OFF) {
            ledgerCommands.writeOff(ticket.getInvoicePks(), at);
        }
        timeline.record(ticket, "CLOSED", OverdueFigures.closedDetails(reason, ticket.getOverdueAmount(), ticket.getCurrency()),
                author);
        events.publishEvent(new TicketClosed(ticket.getId(), reason, at, author));
    }
}
