package com.collectiondesk.ticket;

import com.collectiondesk.errors.NotFound;
import com.collectiondesk.ledger.LedgerCommands;
import com.collectiondesk.ledger.LedgerQueries.OpenInvoice;
import com.collectiondesk.ledger.LedgerQueries;
import com.collectiondesk.security.EntityScope;
import com.collectiondesk.system.BusinessClock;
import com.collectiondesk.system.DpdBuckets;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
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
    private final TicketNumbers numbers;
    private final DpdBuckets buckets;
    private final BusinessClock clock;
    private final Timeline timeline;
    private final LedgerQueries ledger;
    private final LedgerCommands ledgerCommands;
    private final ApplicationEventPublisher events;
    private final org.springframework.beans.factory.ObjectProvider<HeldInvoices> holds;
    private final EntityScope scope;

    TicketService(TicketRepository tickets, TicketNumbers numbers, DpdBuckets buckets, BusinessClock clock,
                  Timeline timeline, LedgerQueries ledger, LedgerCommands ledgerCommands, ApplicationEventPublisher events,
                  org.springframework.beans.factory.ObjectProvider<HeldInvoices> holds, EntityScope scope) {
        this.scope = scope;
        this.tickets = tickets;
        this.numbers = numbers;
        this.buckets = buckets;
        this.clock = clock;
        this.timeline = timeline;
        this.ledger = ledger;
        this.ledgerCommands = ledgerCommands;
        this.events = events;
        this.holds = holds;
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

    /** Tickets by id, in no particular order; the scan works them chunk by chunk. */
    public List<Ticket> all(Collection<Long> ticketIds) {
        return tickets.findAllById(ticketIds);
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

    public Ticket open(Long customerPk, String currency, LocalDate asOf) {
        Ticket ticket = tickets.save(new Ticket(numbers.next(asOf), customerPk, ledger.legalEntityOf(customerPk), currency, asOf));
        Overdue overdue = refresh(ticket, asOf);
        ticket.enter(overdue);
        timeline.record(ticket, "OPENED", "Opened with " + overdue.amount() + " " + currency + " overdue, "
                + overdue.maxDpd() + " DPD, bucket " + overdue.bucket());
        return ticket;
    }

    /** Recomputes amounts, DPD and bucket; newly overdue invoices join the ticket. */
    public Overdue refresh(Ticket ticket, LocalDate asOf) {
        List<OpenInvoice> overdueInvoices = ledger.overdue(ticket.getCustomerPk(), ticket.getCurrency(), asOf);
        Overdue overdue = overdueOf(overdueInvoices, asOf);
        ticket.refresh(overdue, heldOf(ticket, overdueInvoices, asOf));
        overdueInvoices.forEach(invoice -> ticket.getInvoicePks().add(invoice.pk()));
        return overdue;
    }

    private BigDecimal heldOf(Ticket ticket, List<OpenInvoice> overdueInvoices, LocalDate asOf) {
        HeldInvoices held = holds.getIfAvailable();
        if (held == null || overdueInvoices.isEmpty()) {
            return BigDecimal.ZERO.setScale(2);
        }
        java.util.Set<Long> onHold = held.heldAmong(ticket.getCustomerPk(), overdueInvoices.stream().map(OpenInvoice::pk).toList(), asOf);
        return overdueInvoices.stream().filter(invoice -> onHold.contains(invoice.pk())).map(OpenInvoice::openAmount)
                .reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
    }

    public Overdue refresh(Ticket ticket) {
        return refresh(ticket, clock.today());
    }

    Overdue overdueOf(List<OpenInvoice> overdueOldestFirst, LocalDate asOf) {
        if (overdueOldestFirst.isEmpty()) {
            return new Overdue(BigDecimal.ZERO.setScale(2), 0, buckets.labelOf(0), null);
        }
        OpenInvoice oldest = overdueOldestFirst.get(0);
        BigDecimal amount = overdueOldestFirst.stream().map(OpenInvoice::openAmount).reduce(BigDecimal.ZERO, BigDecimal::add);
        int dpd = (int) ChronoUnit.DAYS.between(oldest.dueDate(), asOf);
        return new Overdue(amount, dpd, buckets.labelOf(dpd), oldest.productType());
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
        timeline.record(ticket, "CLOSED", "Closed as " + reason + " with " + ticket.getOverdueAmount() + " "
                + ticket.getCurrency() + " overdue", author);
        events.publishEvent(new TicketClosed(ticket.getId(), reason, at, author));
    }
}
