package com.collectiondesk.worklist;

import com.collectiondesk.security.AllowedGroups;
import com.collectiondesk.security.Groups;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Managers hand a ticket to another collector; its open call tasks follow. */
@RestController
@RequestMapping("/api/tickets")
@AllowedGroups(Groups.MANAGERS)
class TicketOwnerApi {

    record OwnerRequest(@NotBlank String owner) {
    }

    record OwnerView(String ticketNumber, String owner, int tasksMoved) {
    }

    private final Reassignment reassignment;

    TicketOwnerApi(Reassignment reassignment) {
        this.reassignment = reassignment;
    }

    @Operation(summary = "Reassign a ticket to another collector; its open tasks follow (managers)")
    @PutMapping(path = "/{ticketNumber}/owner", consumes = MediaType.APPLICATION_JSON_VALUE)
    OwnerView changeOwner(@PathVariable String ticketNumber, @Valid @RequestBody OwnerRequest request) {
        int moved = reassignment.reassign(ticketNumber, request.owner().strip());
        return new OwnerView(ticketNumber, request.owner().strip(), moved);
    }
}
