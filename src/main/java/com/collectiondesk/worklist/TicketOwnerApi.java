package com.collectiondesk.worklist;

import com.collectiondesk.errors.InputRefused;
import com.collectiondesk.security.AllowedGroups;
import com.collectiondesk.security.Groups;
import com.collectiondesk.ticket.TicketOwnership.OpenTicketFilter;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Managers hand tickets to another collector, one or many at a time; their open collector tasks follow. */
@RestController
@RequestMapping("/api/tickets")
@AllowedGroups(Groups.MANAGERS)
class TicketOwnerApi {

    record OwnerRequest(@NotBlank String owner) {
    }

    record OwnerView(String ticketNumber, String owner, int tasksMoved) {
    }

    /** Which open tickets to move; blank criteria count as not given. */
    record TicketFilter(@Size(max = 64) String owner, @Size(max = 40) String segment, @Size(max = 20) String bucket) {

        OpenTicketFilter criteria() {
            return new OpenTicketFilter(given(owner), given(segment), given(bucket));
        }

        private static String given(String value) {
            return value == null || value.isBlank() ? null : value.strip();
        }
    }

    record ReassignmentRequest(@Size(max = Reassignment.MAX_TICKETS) List<@NotBlank @Size(max = 40) String> ticketNumbers,
                               @Valid TicketFilter filter,
                               @NotBlank @Size(max = 64) String newOwner) {
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

    /** The open tickets a filter matches, hardest first, for a manager to choose from before moving them. */
    @Operation(summary = "The open tickets a filter (owner, segment, bucket) would move, hardest first (managers)")
    @GetMapping("/reassignments/candidates")
    Reassignment.Candidates candidates(@RequestParam(required = false) String owner,
                                       @RequestParam(required = false) String segment,
                                       @RequestParam(required = false) String bucket) {
        return reassignment.candidates(new TicketFilter(owner, segment, bucket).criteria());
    }

    /** Either the tickets named or every open ticket a filter matches; answers what moved. */
    @Operation(summary = "Reassign the tickets named, or every open ticket a filter matches, with their open tasks (managers)")
    @PostMapping(path = "/reassignments", consumes = MediaType.APPLICATION_JSON_VALUE)
    Reassignment.Moved reassign(@Valid @RequestBody ReassignmentRequest request) {
        boolean named = request.ticketNumbers() != null && !request.ticketNumbers().isEmpty();
        String newOwner = request.newOwner().strip();
        if (named && request.filter() != null) {
            throw new InputRefused("filter", "give either ticketNumbers or a filter, not both");
        }
        if (named) {
            return reassignment.reassign(request.ticketNumbers(), newOwner);
        }
        if (request.filter() == null) {
            throw new InputRefused("ticketNumbers", "give the tickets to move, or a filter (owner, segment, bucket)");
        }
        OpenTicketFilter criteria = request.filter().criteria();
        if (criteria.owner() == null && criteria.segment() == null && criteria.bucket() == null) {
            throw new InputRefused("filter", "needs at least one of owner, segment or bucket; an empty filter would move every open ticket");
        }
        return reassignment.reassign(criteria, newOwner);
    }
}
