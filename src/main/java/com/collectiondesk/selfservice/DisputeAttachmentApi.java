package com.collectiondesk.selfservice;

import com.collectiondesk.errors.NotFound;
import com.collectiondesk.security.AllowedGroups;
import com.collectiondesk.security.Groups;
import com.collectiondesk.ticket.Ticket;
import com.collectiondesk.ticket.TicketDetailPart;
import com.collectiondesk.ticket.TicketService;
import io.swagger.v3.oas.annotations.Operation;
import org.springframework.context.annotation.Bean;
import org.springframework.core.annotation.Order;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Staff reading what a debtor attached to a dispute on the page: only signed in, only through the ticket it belongs
 * to, always as a download of the type its content was checked to be, never rendered in the service's origin. The
 * debtor's page never serves an attachment back.
 */
@RestController
@RequestMapping("/api/tickets")
@AllowedGroups({Groups.COLLECTORS, Groups.DISPUTES, Groups.MANAGERS})
class DisputeAttachmentApi {

    private final TicketService tickets;
    private final DebtorDisputes disputes;

    DisputeAttachmentApi(TicketService tickets, DebtorDisputes disputes) {
        this.tickets = tickets;
        this.disputes = disputes;
    }

    static String path(String ticketNumber, long pageDisputeId) {
        return "/api/tickets/" + ticketNumber + "/self-service-disputes/" + pageDisputeId + "/attachment";
    }

    @Operation(summary = "The attachment a debtor added to a dispute on the self-service page, as a download (collectors, dispute team, managers)")
    @GetMapping("/{ticketNumber}/self-service-disputes/{id}/attachment")
    ResponseEntity<byte[]> attachment(@PathVariable String ticketNumber, @PathVariable long id) {
        Ticket ticket = tickets.byNumber(ticketNumber);
        DebtorDisputes.StoredAttachment file = disputes.attachment(ticket.getId(), id)
                .orElseThrow(() -> new NotFound("Ticket " + ticketNumber + " has no self-service dispute attachment " + id));
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(file.mediaType()))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(file.name()).build().toString())
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Security-Policy", "sandbox; default-src 'none'")
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(file.content());
    }

    /** The ticket's disputes raised on the page (reason, invoice, attachment's download address) under "selfServiceDisputes". */
    @Bean
    @Order(5)
    static TicketDetailPart selfServiceDisputesOfTheTicket(DebtorDisputes disputes, TicketService tickets) {
        return new TicketDetailPart("selfServiceDisputes",
                ticketId -> disputes.ofTicket(ticketId, tickets.get(ticketId).getTicketNumber()));
    }
}
