package com.collectiondesk.ticket;

import com.collectiondesk.ledger.Customer;
import com.collectiondesk.ledger.Invoice;
import com.collectiondesk.system.BusinessClock;
import com.collectiondesk.system.DpdBuckets;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import com.collectiondesk.errors.NotFound;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Opens, refreshes and closes tickets and keeps their overdue figures true to the ledger. */
@Service
@Transactional
class TicketService {

    private final TicketRepository tickets;
    private final TicketNumbers numbers;
    private final DpdBuckets buckets;
    private final BusinessClock clock;
    private final Timeline timeline;

    TicketService(TicketRepository tickets, TicketNumbers numbers, DpdBuckets buckets, BusinessClock clock,
                  Timeline timeline) {
        this.tickets = tickets;
        this.numbers = numbers;
        this.buckets = buckets;
        this.clock = clock;
        this.timeline = timeline;
    }

    Ticket get(Long ticketId) {
        return tickets.findById(ticketId).orElseThrow(() -> new NotFound("No ticket with id " + ticketId));
    }

    Ticket byNumber(String ticketNumber) {
        return tickets.findByTicketNumber(ticketNumber).orElseThrow(() -> new NotFound("No ticket " + ticketNumber));
    }

    Ticket open(Customer customer, String currency, LocalDate asOf) {
        Ticket ticket = tickets.save(new Ticket(numbers.next(asOf), customer, currency, asOf));
        Overdue overdue = refresh(ticket, asOf);
        ticket.enter(overdue);
        timeline.record(ticket, "OPENED", "Opened with " + overdue.amount() + " " + currency + " overdue, "
                + overdue.maxDpd() + " DPD, bucket " + overdue.bucket());
        return ticket;
    }

    /** Recomputes amounts, DPD and bucket; newly overdue invoices join the ticket. */
    Overdue refresh(Ticket ticket, LocalDate asOf) {
        List<Invoice> overdueInvoices = tickets.findOverdue(ticket.getCustomer().getId(), ticket.getCurrency(), asOf);
        Overdue overdue = overdueOf(overdueInvoices, asOf);
        ticket.refresh(overdue);
        ticket.getInvoices().addAll(overdueInvoices);
        return overdue;
    }

    Overdue refresh(Ticket ticket) {
        return refresh(ticket, clock.today());
    }

    Overdue overdueOf(List<Invoice> overdueOldestFirst, LocalDate asOf) {
        if (overdueOldestFirst.isEmpty()) {
            return new Overdue(BigDecimal.ZERO.setScale(2), 0, buckets.labelOf(0), null);
        }
        Invoice oldest = overdueOldestFirst.get(0);
        BigDecimal amount = overdueOldestFirst.stream().map(Invoice::getOpenAmount).reduce(BigDecimal.ZERO, BigDecimal::add);
        int dpd = (int) ChronoUnit.DAYS.between(oldest.getDueDate(), asOf);
        String productType = oldest.getContract() == null || oldest.getContract().getProductType() == null
                ? "UNKNOWN" : oldest.getContract().getProductType();
        return new Overdue(amount, dpd, buckets.labelOf(dpd), productType);
    }

    void close(Ticket ticket, CloseReason reason, String author) {
        if (ticket.isClosed()) {
            return;
        }
        ticket.close(reason, clock.now());
        timeline.record(ticket, "CLOSED", "Closed as " + reason + " with " + ticket.getOverdueAmount() + " "
                + ticket.getCurrency() + " overdue", author);
    }
}
