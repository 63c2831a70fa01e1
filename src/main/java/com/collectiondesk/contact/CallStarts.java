package com.collectiondesk.contact;

import com.collectiondesk.errors.NotFound;
import com.collectiondesk.outreach.Channel;
import com.collectiondesk.system.BusinessClock;
import com.collectiondesk.ticket.Ticket;
import com.collectiondesk.ticket.TicketConflictException;
import com.collectiondesk.ticket.TicketService;
import com.collectiondesk.ticket.Timeline;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Collectors' calls, checked when they are made: the contact policy is asked for this instant and the call
 * attempt is reserved in the same transaction, while the debtor's customer row is locked, so two collectors
 * (or a call and a call-back) cannot both take the last call the caps allow. A call refused leaves nothing
 * behind. {@link #reserve} asks through {@link ContactService#reserve}, the one decide-and-reserve step that sends use
 * too.
 */
@Service
@Transactional
class CallStarts {

    static final Channel CHANNEL = Channel.CALL;
    /** A call started through the API, waiting for its outcome from the call form. */
    static final String STARTED = ContactService.STARTED;
    /** How long a started call waits for the call form's outcome before a completion counts as a new call. */
    static final Duration STARTED_CALL_LASTS = ContactRules.STARTED_CALL_LASTS;

    private final TicketService tickets;
    private final ContactAttemptRepository contacts;
    private final ContactService contactService;
    private final BusinessClock clock;
    private final Timeline timeline;
    private final CallWindows windows;

    CallStarts(TicketService tickets, ContactAttemptRepository contacts,
               ContactService contactService, BusinessClock clock, Timeline timeline, CallWindows windows) {
        this.tickets = tickets;
        this.contacts = contacts;
        this.contactService = contactService;
        this.clock = clock;
        this.timeline = timeline;
        this.windows = windows;
    }

    /** {@code POST /api/tickets/{n}/calls}: a call starts now; its outcome may come later from the call form. */
    ContactAttempt start(String ticketNumber, String outcome, String note, String collector) {
        Ticket ticket = tickets.byNumber(ticketNumber);
        if (ticket.isClosed()) {
            throw new TicketConflictException("Ticket " + ticketNumber + " is closed (" + ticket.getCloseReason() + "); it takes no calls.");
        }
        return reserve(ticket, "call:api:" + UUID.randomUUID(), outcome == null ? STARTED : outcome, note, collector);
    }

    /**
     * A call's outcome from a form (the call task, a call-back after a reply): completes the collector's call
     * started within the last hour, else the call is made now and must be allowed now.
     */
    ContactAttempt finish(Long ticketId, String key, String outcome, String note, String collector) {
        Ticket ticket = tickets.get(ticketId);
        ContactAttempt started = collector == null ? null : contacts
                .findFirstByTicketIdAndChannelAndOutcomeAndAuthorAndAtAfterOrderByAtDesc(ticketId, CHANNEL, STARTED,
                        collector, clock.now().minus(STARTED_CALL_LASTS))
                .orElse(null);
        if (started == null) {
            return reserve(ticket, key, outcome, note, collector);
        }
        started.withResult(outcome, note, collector);
        called(ticket, outcome, note, collector);
        return started;
    }

    private ContactAttempt reserve(Ticket ticket, String key, String outcome, String note, String collector) {
        Instant now = clock.now();
        // the contact service decides and reserves under the debtor's row lock, across all their tickets
        ContactDecision decision = contactService.reserve(ticket.getId(), CHANNEL, key, now, collector);
        if (!decision.isAllowed()) {
            throw new CallRefusedException(CallWindow.of(decision, tickets.debtorOf(ticket).zone(), now));
        }
        contactService.recordReservedOutcome(key, outcome, note, collector);
        called(ticket, outcome, note, collector);
        return contacts.findBySendKey(key).orElseThrow();
    }

    /** On the timeline; the collector becomes the owner of a ticket that has none; open call tasks show the new window. */
    private void called(Ticket ticket, String outcome, String note, String collector) {
        if (collector != null && ticket.getOwner() == null) {
            ticket.setOwner(collector);
        }
        timeline.record(ticket, "CONTACT", CHANNEL + " " + outcome + (note == null || note.isBlank() ? "" : ": " + note), collector);
        windows.refreshAfterCommit(ticket.getTicketNumber());
    }
}
