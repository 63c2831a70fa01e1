package com.collectiondesk.hold;

import com.collectiondesk.errors.Conflict;
import com.collectiondesk.errors.InputRefused;
import com.collectiondesk.errors.NotFound;
import com.collectiondesk.ledger.HoldReason;
import com.collectiondesk.ledger.LedgerCommands;
import com.collectiondesk.ledger.LedgerQueries;
import com.collectiondesk.system.BusinessClock;
import com.collectiondesk.ticket.Ticket;
import com.collectiondesk.ticket.TicketProcess;
import com.collectiondesk.ticket.TicketProcessGateway;
import com.collectiondesk.ticket.TicketService;
import com.collectiondesk.ticket.Timeline;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Puts holds on and lifts them, whoever asks (manager, ERP, dispute): stores the hold, freezes the held invoices'
 * interest when the reason says so, writes every affected ticket's timeline and wakes the ticket processes that
 * wait: a running strategy pauses (HoldPlaced), a paused one looks again (HoldChanged).
 */
@Service
@Transactional
public class HoldService {

    static final int NOTE_LENGTH = 2000;

    /** A new hold: on the whole ticket when {@code invoicePk} is null. */
    record Placement(Long customerPk, Ticket ticket, Long invoicePk, String invoiceNumber, HoldReason reason, String note,
                     LocalDate endsOn, HoldSource source, String author) {
    }

    private final HoldRepository holds;
    private final HoldSettings settings;
    private final TicketService tickets;
    private final TicketProcessGateway processes;
    private final Timeline timeline;
    private final LedgerCommands ledger;
    private final LedgerQueries ledgerQueries;
    private final HoldQueries queries;
    private final BusinessClock clock;

    HoldService(HoldRepository holds, HoldSettings settings, TicketService tickets, TicketProcessGateway processes,
                Timeline timeline, LedgerCommands ledger, LedgerQueries ledgerQueries, HoldQueries queries, BusinessClock clock) {
        this.holds = holds;
        this.settings = settings;
        this.tickets = tickets;
        this.processes = processes;
        this.timeline = timeline;
        this.ledger = ledger;
        this.ledgerQueries = ledgerQueries;
        this.queries = queries;
        this.clock = clock;
    }

    /**
     * Holds an open ticket, or one of its overdue invoices ({@code invoiceNumber}); refused naming the field when the
     * reason is missing, the note too long, the end date not after today or the invoice not overdue on the ticket.
     */
    public Hold hold(String ticketNumber, String invoiceNumber, HoldReason reason, String note, LocalDate endsOn,
                     HoldSource source, String author) {
        Ticket ticket = tickets.byNumber(ticketNumber);
        if (ticket.isClosed()) {
            throw new Conflict("Ticket closed", "Ticket " + ticketNumber + " is closed (" + ticket.getCloseReason()
                    + "); a closed ticket takes no hold.");
        }
        check(reason, note, endsOn);
        Long invoicePk = null;
        if (invoiceNumber != null && !invoiceNumber.isBlank()) {
            invoicePk = ledgerQueries.overdueAmong(ticket.getInvoicePks(), clock.today()).stream()
                    .filter(invoice -> invoice.invoiceNumber().equals(invoiceNumber.strip())).map(LedgerQueries.OpenInvoice::pk)
                    .findFirst().orElseThrow(() -> new InputRefused("invoiceNumber", "'" + invoiceNumber.strip()
                            + "' is not an overdue invoice of ticket " + ticketNumber));
        }
        return place(new Placement(ticket.getCustomerPk(), ticket, invoicePk, invoicePk == null ? null : invoiceNumber.strip(),
                reason, blankToNull(note), endsOn, source, author));
    }

    private void check(HoldReason reason, String note, LocalDate endsOn) {
        if (reason == null) {
            throw new InputRefused("reason", "is required: one of " + java.util.Arrays.toString(HoldReason.values()));
        }
        if (note != null && note.length() > NOTE_LENGTH) {
            throw new InputRefused("note", "must be at most " + NOTE_LENGTH + " characters (has " + note.length() + ")");
        }
        if (endsOn != null && !endsOn.isAfter(clock.today())) {
            throw new InputRefused("endsOn", endsOn + " is not after today (" + clock.today() + "); leave it out for an open-ended hold");
        }
    }

    Hold place(Placement placement) {
        LocalDate today = clock.today();
        boolean freezes = settings.freezesInterest(placement.reason());
        Hold hold = holds.save(new Hold(placement.customerPk(), placement.ticket() == null ? null : placement.ticket().getId(),
                placement.invoicePk(), placement.reason(), placement.source(), placement.note(), today, placement.endsOn(),
                freezes, placement.author(), clock.now()));
        List<Ticket> affected = affectedBy(hold, placement.ticket());
        if (freezes) {
            ledger.freezeInterest(hold.freezeKey(), frozenInvoices(hold, affected), today,
                    hold.getEndsOn() == null ? null : hold.getEndsOn().minusDays(1));
        }
        String what = (placement.invoiceNumber() == null ? "" : "Invoice " + placement.invoiceNumber() + " ")
                + "on hold (" + hold.describe() + ") by " + placement.source()
                + (hold.stopsAllContact() ? "; no automated contact with the debtor on any ticket" : "")
                + (freezes ? "; interest frozen" : "");
        for (Ticket ticket : affected) {
            tickets.refresh(ticket);
            timeline.record(ticket, "HOLD", what, placement.author());
            wake(ticket, true);
        }
        return hold;
    }

    /** Lifts an open hold today: collection resumes (the paused processes look again) and interest runs from today. */
    public Hold lift(Long holdId, String author) {
        Hold hold = holds.findById(holdId).filter(queries::maySee).orElseThrow(() -> new NotFound("No hold " + holdId));
        LocalDate today = clock.today();
        if (!hold.isOpenOn(today)) {
            throw new Conflict("Hold not open", "Hold " + holdId + " is not open any more ("
                    + (hold.getLiftedOn() != null ? "lifted on " + hold.getLiftedOn() : "ended on " + hold.getEndsOn()) + ").");
        }
        hold.lift(today, clock.now(), author);
        if (hold.isFreezesInterest()) {
            ledger.endInterestFreeze(hold.freezeKey(), today.minusDays(1));
        }
        Ticket placedOn = hold.getTicketPk() == null ? null : tickets.get(hold.getTicketPk());
        for (Ticket ticket : affectedBy(hold, placedOn)) {
            tickets.refresh(ticket);
            timeline.record(ticket, "HOLD_LIFTED", "Hold " + hold.getReason() + " lifted", author);
            wake(ticket, false);
        }
        return hold;
    }

    boolean isOpen(Long holdId) {
        return holds.findById(holdId).map(hold -> hold.isOpenOn(clock.today())).orElse(false);
    }

    boolean invoiceHeld(String ticketNumber, Long invoicePk) {
        Ticket ticket = tickets.byNumber(ticketNumber);
        return !queries.heldAmong(ticket.getCustomerPk(), java.util.List.of(invoicePk), clock.today()).isEmpty();
    }

    /** The open tickets a hold touches: its own, every open one of the debtor's for insolvency and death, and the invoice's. */
    private List<Ticket> affectedBy(Hold hold, Ticket placedOn) {
        Set<Ticket> affected = new LinkedHashSet<>();
        if (placedOn != null && !placedOn.isClosed()) {
            affected.add(placedOn);
        }
        for (Ticket open : tickets.openOf(hold.getCustomerPk())) {
            if (hold.stopsAllContact() || (hold.onInvoice() && open.getInvoicePks().contains(hold.getInvoicePk()))) {
                affected.add(open);
            }
        }
        return new ArrayList<>(affected);
    }

    private static Set<Long> frozenInvoices(Hold hold, List<Ticket> affected) {
        Set<Long> invoices = new LinkedHashSet<>();
        if (hold.onInvoice()) {
            invoices.add(hold.getInvoicePk());
        }
        if (!hold.onInvoice() || hold.stopsAllContact()) {
            affected.forEach(ticket -> invoices.addAll(ticket.getInvoicePks()));
        }
        return invoices;
    }

    /**
     * A running strategy pauses when the ticket is now paused (a held invoice alone only takes its money out of the
     * strategy's total); a paused one re-reads its holds (another one, or one lifted).
     */
    private void wake(Ticket ticket, boolean placed) {
        if (placed && queries.pauseOf(ticket).isEmpty()) {
            return;
        }
        if (placed && processes.deliver(ticket.getTicketNumber(), TicketProcess.MSG_HOLD_PLACED)) {
            return;
        }
        processes.deliver(ticket.getTicketNumber(), TicketProcess.MSG_HOLD_CHANGED);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
