package com.collectiondesk.promise;

import com.collectiondesk.errors.InputRefused;
import com.collectiondesk.ledger.LedgerQueries;
import com.collectiondesk.system.BusinessClock;
import com.collectiondesk.ticket.CloseReason;
import com.collectiondesk.ticket.SendWindow;
import com.collectiondesk.ticket.Ticket;
import com.collectiondesk.ticket.TicketClosed;
import com.collectiondesk.ticket.TicketDetailPart;
import com.collectiondesk.ticket.TicketService;
import com.collectiondesk.ticket.TicketSettings;
import com.collectiondesk.ticket.TicketStatus;
import com.collectiondesk.ticket.Timeline;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import org.springframework.context.annotation.Bean;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Promises to pay: taking them (call form or API), and judging them once promised date plus grace has passed. */
@Service
@Transactional
public class PromiseService {

    /** The ticket's next step while a promise is pending. */
    public static final String NEXT_STEP_PROMISE_CHECK = "Promise check";

    private final TicketService tickets;
    private final PromiseRepository promises;
    private final LedgerQueries ledger;
    private final TicketSettings settings;
    private final SendWindow sendWindow;
    private final BusinessClock clock;
    private final Timeline timeline;

    PromiseService(TicketService tickets, PromiseRepository promises, LedgerQueries ledger,
                   TicketSettings settings, SendWindow sendWindow, BusinessClock clock, Timeline timeline) {
        this.tickets = tickets;
        this.promises = promises;
        this.ledger = ledger;
        this.settings = settings;
        this.sendWindow = sendWindow;
        this.clock = clock;
        this.timeline = timeline;
    }

    public Promise take(Ticket ticket, BigDecimal amount, LocalDate date, String author) {
        if (amount == null || amount.signum() <= 0) {
            throw new InputRefused("amount", "a promise needs a positive amount");
        }
        if (date == null || date.isBefore(clock.today())) {
            throw new InputRefused("date", "a promise needs a date from today on, got " + date);
        }
        Promise promise = promises.save(new Promise(ticket.getId(), amount.setScale(2, RoundingMode.HALF_UP), date, author, clock.now()));
        ticket.setStatus(TicketStatus.PROMISED);
        timeline.record(ticket, "PROMISE", "Promised " + promise.getAmount() + " " + ticket.getCurrency() + " by " + date, author);
        return promise;
    }

    /** The ticket's promise still waiting for its date, if any. */
    public Optional<Promise> pendingOn(Long ticketId) {
        return promises.findFirstByTicketIdAndStatusOrderByIdDesc(ticketId, Promise.Status.PENDING);
    }

    /** The day after promised date + grace begins, in the debtor's zone: the debtor had the whole grace period. */
    Instant checkAt(Long ticketId) {
        Ticket ticket = tickets.get(ticketId);
        Promise promise = pending(ticket);
        LocalDate after = promise.getPromisedDate().plusDays(settings.promiseGraceDays() + 1L);
        Instant checkAt = after.atStartOfDay(tickets.debtorOf(ticket).zone()).toInstant();
        // the strategy waits for the promise now: the ticket says so instead of the step that was next before
        ticket.setNextStep(NEXT_STEP_PROMISE_CHECK + " (" + promise.getAmount() + " " + ticket.getCurrency() + " promised by "
                + promise.getPromisedDate() + ")", checkAt);
        return checkAt;
    }

    /**
     * A ticket that closes takes its pending promise with it: kept when the ticket closes paid, else cancelled (it
     * counts neither way), so no closed ticket keeps a promise in the cash forecast.
     */
    @EventListener
    void closeWithTicket(TicketClosed closed) {
        pendingOn(closed.ticketId()).ifPresent(promise -> {
            Promise.Status outcome = closed.reason() == CloseReason.PAID ? Promise.Status.KEPT : Promise.Status.CANCELLED;
            promise.resolve(outcome, closed.at());
            timeline.record(tickets.get(closed.ticketId()), outcome == Promise.Status.KEPT ? "PROMISE_KEPT" : "PROMISE_CANCELLED",
                    "Promise of " + promise.getAmount() + " by " + promise.getPromisedDate() + " " + outcome
                            + ": the ticket closed as " + closed.reason(), closed.author());
        });
    }

    /** Kept when the payments since the promise cover its amount; broken counts against the debtor. */
    boolean judge(Long ticketId) {
        Ticket ticket = tickets.get(ticketId);
        Promise promise = pending(ticket);
        LocalDate since = LocalDate.ofInstant(promise.getCreatedAt(), tickets.debtorOf(ticket).zone());
        BigDecimal paid = ledger.paidSince(ticket.getCustomerPk(), ticket.getCurrency(), since);
        boolean kept = paid.compareTo(promise.getAmount()) >= 0;
        promise.resolve(kept ? Promise.Status.KEPT : Promise.Status.BROKEN, clock.now());
        if (!kept) {
            ticket.countBrokenPromise();
        }
        ticket.setStatus(TicketStatus.OPEN);
        tickets.refresh(ticket);
        timeline.record(ticket, kept ? "PROMISE_KEPT" : "PROMISE_BROKEN", "Promised " + promise.getAmount()
                + " by " + promise.getPromisedDate() + ", paid since " + since + ": " + paid
                + (kept ? "" : "; broken promises so far: " + ticket.getBrokenPromises()));
        return kept;
    }

    private Promise pending(Ticket ticket) {
        return promises.findFirstByTicketIdAndStatusOrderByIdDesc(ticket.getId(), Promise.Status.PENDING)
                .orElseThrow(() -> new IllegalStateException("Ticket " + ticket.getTicketNumber() + " has no pending promise"));
    }

    /** The ticket's promises, oldest first, as the ticket's detail shows them under "promises". */
    @Bean
    @Order(3)
    static TicketDetailPart promisesOfTheTicket(PromiseRepository repository) {
        return new TicketDetailPart("promises",
                ticketId -> repository.findByTicketIdOrderByIdAsc(ticketId).stream().map(PromiseView::of).toList());
    }
}
