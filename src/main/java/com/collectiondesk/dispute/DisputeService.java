package com.collectiondesk.dispute;

import com.collectiondesk.errors.InputRefused;
import com.collectiondesk.ledger.Invoice;
import com.collectiondesk.ledger.InvoiceCancellations;
import com.collectiondesk.ledger.LedgerCommands;
import com.collectiondesk.system.BusinessClock;
import com.collectiondesk.ticket.Overdue;
import com.collectiondesk.ticket.Ticket;
import com.collectiondesk.ticket.TicketDetailPart;
import com.collectiondesk.ticket.TicketService;
import com.collectiondesk.ticket.TicketStatus;
import com.collectiondesk.ticket.Timeline;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Disputes: raising them (call form or API) and applying the dispute team's resolution. */
@Service
@Transactional
public class DisputeService {

    /** The ticket's next step while a dispute is open. */
    public static final String NEXT_STEP_RESOLVE_DISPUTE = "Resolve dispute";

    private final TicketService tickets;
    private final DisputeRepository disputes;
    private final BusinessClock clock;
    private final Timeline timeline;
    private final LedgerCommands ledger;
    private final ApplicationEventPublisher events;

    DisputeService(TicketService tickets, DisputeRepository disputes, BusinessClock clock, Timeline timeline,
                   LedgerCommands ledger, ApplicationEventPublisher events) {
        this.events = events;
        this.tickets = tickets;
        this.disputes = disputes;
        this.clock = clock;
        this.timeline = timeline;
        this.ledger = ledger;
    }

    /** A dispute without an amount contests everything overdue. */
    public Dispute raise(Ticket ticket, String reason, BigDecimal amount, String author) {
        return raise(ticket, null, reason, amount, author);
    }

    /** As {@link #raise(Ticket, String, BigDecimal, String)}; with an invoice, an upheld dispute cancels on it alone. */
    Dispute raise(Ticket ticket, Long invoicePk, String reason, BigDecimal amount, String author) {
        if (invoicePk != null && !ticket.getInvoicePks().contains(invoicePk)) {
            throw new InputRefused("invoice", "the invoice is not one of ticket " + ticket.getTicketNumber() + "'s");
        }
        if (reason == null || reason.isBlank()) {
            throw new InputRefused("reason", "a dispute needs a reason");
        }
        BigDecimal contested = (amount == null ? ticket.getOverdueAmount() : amount).setScale(2, RoundingMode.HALF_UP);
        if (contested.signum() <= 0) {
            throw new InputRefused("amount", "a dispute needs a positive amount");
        }
        if (contested.compareTo(ticket.getOverdueAmount()) > 0) {
            throw new InputRefused("amount", "at most the " + ticket.getOverdueAmount().toPlainString() + " "
                    + ticket.getCurrency() + " overdue on the ticket can be disputed, not " + contested.toPlainString());
        }
        Dispute dispute = disputes.save(new Dispute(ticket.getId(), invoicePk, reason.strip(), contested, author, clock.now()));
        ticket.setStatus(TicketStatus.DISPUTED);
        // the strategy waits for the dispute's resolution now, not for the step that was next before
        ticket.setNextStep(NEXT_STEP_RESOLVE_DISPUTE, null);
        timeline.record(ticket, "DISPUTE", "Disputed " + contested + " " + ticket.getCurrency() + ": " + reason.strip(), author);
        return dispute;
    }

    /** The ticket's dispute not resolved yet, if any. */
    public Optional<Dispute> openOn(Long ticketId) {
        return disputes.findFirstByTicketIdAndResolutionIsNullOrderByIdDesc(ticketId);
    }

    /** Applies the resolution and answers whether money is still overdue. */
    boolean resolve(Long ticketId, Dispute.Resolution resolution, String author) {
        Ticket ticket = tickets.get(ticketId);
        Dispute dispute = disputes.findFirstByTicketIdAndResolutionIsNullOrderByIdDesc(ticketId)
                .orElseThrow(() -> new IllegalStateException("Ticket " + ticket.getTicketNumber() + " has no open dispute"));
        dispute.resolve(resolution, clock.now());
        String details = "Dispute " + resolution;
        if (resolution == Dispute.Resolution.UPHELD) {
            details += ": cancelled " + cancel(ticket, dispute);
        }
        ticket.setStatus(TicketStatus.OPEN);
        Overdue overdue = tickets.refresh(ticket);
        timeline.record(ticket, "DISPUTE_RESOLVED", details + "; overdue now " + overdue.amount(), author);
        events.publishEvent(new DisputeResolved(ticketId, dispute.getId(), resolution, author));
        return !overdue.isNothing();
    }

    /** Reduces the contested invoice, or the ticket's open invoices newest first, by the disputed amount. */
    private String cancel(Ticket ticket, Dispute dispute) {
        var invoices = dispute.getInvoicePk() == null ? ticket.getInvoicePks() : List.of(dispute.getInvoicePk());
        return ledger.cancelNewestFirst(invoices, dispute.getAmount(), "Dispute upheld on " + ticket.getTicketNumber())
                .stream().map(cancelled -> cancelled.amount() + " on " + cancelled.invoiceNumber())
                .collect(java.util.stream.Collectors.joining(", "));
    }

    /** The ticket's disputes, oldest first, as the ticket's detail shows them under "disputes". */
    @Bean
    @Order(4)
    static TicketDetailPart disputesOfTheTicket(DisputeRepository repository) {
        return new TicketDetailPart("disputes",
                ticketId -> repository.findByTicketIdOrderByIdAsc(ticketId).stream().map(DisputeView::of).toList());
    }
}
