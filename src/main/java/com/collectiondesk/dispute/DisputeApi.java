package com.collectiondesk.dispute;

import com.collectiondesk.security.AllowedGroups;
import com.collectiondesk.security.CurrentUser;
import com.collectiondesk.security.Groups;
import com.collectiondesk.ticket.Ticket;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.net.URI;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** A debtor's dispute, raised by a collector or a manager outside the call form. */
@RestController
@RequestMapping("/api/tickets")
@AllowedGroups({Groups.COLLECTORS, Groups.MANAGERS})
class DisputeApi {

    private final DisputeCommands commands;
    private final CurrentUser currentUser;

    DisputeApi(DisputeCommands commands, CurrentUser currentUser) {
        this.commands = commands;
        this.currentUser = currentUser;
    }

    record DisputeRequest(@NotBlank @Size(max = 2000) String reason,
                          @DecimalMin(value = "0.01") @Digits(integer = 17, fraction = 2, message = Ticket.AMOUNT_DIGITS) BigDecimal amount) {
    }

    @Operation(summary = "Open a dispute with a reason and at most the overdue amount; pauses the strategy (collectors, managers)")
    @PostMapping(path = "/{ticketNumber}/disputes", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<DisputeView> dispute(@PathVariable String ticketNumber, @Valid @RequestBody DisputeRequest request) {
        Dispute dispute = commands.dispute(ticketNumber, request.reason(), request.amount(), currentUser.userId().orElse(null));
        return ResponseEntity.created(URI.create("/api/tickets/" + ticketNumber)).body(DisputeView.of(dispute));
    }
}
