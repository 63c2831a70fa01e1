package com.collectiondesk.escalation;

import com.collectiondesk.ticket.CloseReason;
import com.collectiondesk.ticket.Ticket;
import com.collectiondesk.ticket.TicketService;
import com.collectiondesk.ticket.TicketStatus;
import com.collectiondesk.ticket.Timeline;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** A manager's review once the strategy has run out: hand over, write off, or try harder. */
@Service
@Transactional
class EscalationService {

    enum Decision { AGENCY, LEGAL, WRITE_OFF, RESTART }

    private final TicketService tickets;
    private final Timeline timeline;

    EscalationService(TicketService tickets, Timeline timeline) {
        this.tickets = tickets;
        this.timeline = timeline;
    }

    void escalate(Long ticketId, String why) {
        Ticket ticket = tickets.get(ticketId);
        ticket.setStatus(TicketStatus.ESCALATED);
        ticket.setNextStep("Review escalation", null);
        timeline.record(ticket, "ESCALATED", why + "; " + ticket.getOverdueAmount() + " " + ticket.getCurrency() + " overdue");
    }

    /** The close reason the decision leads to, or empty for RESTART (the ticket goes on in {@code restartSegment}). */
    Optional<CloseReason> decide(Long ticketId, Decision decision, String restartSegment, String note, String author) {
        Ticket ticket = tickets.get(ticketId);
        timeline.record(ticket, "ESCALATION_DECIDED", decision + (decision == Decision.RESTART ? " in segment " + restartSegment : "")
                + (note == null || note.isBlank() ? "" : ": " + note), author);
        return switch (decision) {
            case AGENCY -> Optional.of(CloseReason.PLACED_WITH_AGENCY);
            case LEGAL -> Optional.of(CloseReason.LEGAL);
            case WRITE_OFF -> Optional.of(CloseReason.WRITTEN_OFF);
            case RESTART -> {
                ticket.setStatus(TicketStatus.OPEN);
                ticket.setSegment(restartSegment);
                yield Optional.empty();
            }
        };
    }
}
