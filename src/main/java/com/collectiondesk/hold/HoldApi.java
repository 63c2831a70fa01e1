package com.collectiondesk.hold;

import com.collectiondesk.ledger.HoldReason;
import com.collectiondesk.security.AllowedGroups;
import com.collectiondesk.security.CurrentUser;
import com.collectiondesk.security.Groups;
import io.swagger.v3.oas.annotations.Operation;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Managers put tickets and invoices on hold and lift holds (API and the Cockpit page "Holds"). */
@RestController
@AllowedGroups(Groups.MANAGERS)
class HoldApi {

    private final HoldService holds;
    private final HoldQueries queries;
    private final HoldViews views;
    private final CurrentUser currentUser;

    HoldApi(HoldService holds, HoldQueries queries, HoldViews views, CurrentUser currentUser) {
        this.holds = holds;
        this.queries = queries;
        this.views = views;
        this.currentUser = currentUser;
    }

    /** {@code invoiceNumber} empty: the whole ticket; {@code endsOn} empty: open-ended. */
    record HoldRequest(HoldReason reason, String note, LocalDate endsOn, String invoiceNumber) {
    }

    @Operation(summary = "Put a ticket, or one of its overdue invoices, on hold with a reason, a note and an end date or open-ended (managers)")
    @PostMapping(path = "/api/tickets/{ticketNumber}/holds", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<HoldView> hold(@PathVariable String ticketNumber, @RequestBody HoldRequest request) {
        Hold hold = holds.hold(ticketNumber, request.invoiceNumber(), request.reason(), request.note(), request.endsOn(),
                HoldSource.MANAGER, currentUser.userId().orElse(null));
        return ResponseEntity.created(URI.create("/api/holds/" + hold.getId())).body(views.of(hold));
    }

    @Operation(summary = "Lift an open hold today: collection resumes (managers)")
    @PostMapping("/api/holds/{holdId}/lift")
    HoldView lift(@PathVariable Long holdId) {
        return views.of(holds.lift(holdId, currentUser.userId().orElse(null)));
    }

    @Operation(summary = "Every hold open today, oldest first (managers)")
    @GetMapping("/api/holds")
    List<HoldView> open() {
        return views.of(queries.openHolds());
    }
}
