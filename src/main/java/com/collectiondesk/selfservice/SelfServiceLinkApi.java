package com.collectiondesk.selfservice;

import com.collectiondesk.security.AllowedGroups;
import com.collectiondesk.security.CurrentUser;
import com.collectiondesk.security.Groups;
import com.collectiondesk.ticket.Ticket;
import com.collectiondesk.ticket.TicketService;
import com.collectiondesk.ticket.Timeline;
import io.swagger.v3.oas.annotations.Operation;
import java.util.Map;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Staff ending a ticket's self-service links, e.g. when a debtor reports that a message reached someone else. */
@RestController
@RequestMapping("/api/tickets")
@AllowedGroups({Groups.COLLECTORS, Groups.MANAGERS})
class SelfServiceLinkApi {

    private final SelfServiceLinks links;
    private final TicketService tickets;
    private final Timeline timeline;
    private final CurrentUser currentUser;

    SelfServiceLinkApi(SelfServiceLinks links, TicketService tickets, Timeline timeline, CurrentUser currentUser) {
        this.links = links;
        this.tickets = tickets;
        this.timeline = timeline;
        this.currentUser = currentUser;
    }

    @Operation(summary = "Revoke every self-service link of the ticket sent so far; the next message carries a new one (collectors, managers)")
    @PostMapping("/{ticketNumber}/self-service-links/revoke")
    @Transactional
    Map<String, Integer> revoke(@PathVariable String ticketNumber) {
        Ticket ticket = tickets.byNumber(ticketNumber);
        int revoked = links.revokeAll(ticket.getId());
        timeline.record(ticket, "SELF_SERVICE_REVOKED", revoked + " self-service link(s) revoked", currentUser.userId().orElse(null));
        return Map.of("revoked", revoked);
    }
}
