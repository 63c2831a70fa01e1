package com.collectiondesk.promise;

import com.collectiondesk.security.AllowedGroups;
import com.collectiondesk.security.CurrentUser;
import com.collectiondesk.security.Groups;
import com.collectiondesk.ticket.Ticket;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDate;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** A debtor's promise, taken by a collector or a manager outside the call form. */
@RestController
@RequestMapping("/api/tickets")
@AllowedGroups({Groups.COLLECTORS, Groups.MANAGERS})
class PromiseApi {

    private final PromiseCommands commands;
    private final CurrentUser currentUser;

    PromiseApi(PromiseCommands commands, CurrentUser currentUser) {
        this.commands = commands;
        this.currentUser = currentUser;
    }

    record PromiseRequest(@NotNull @DecimalMin(value = "0.01") @Digits(integer = 17, fraction = 2, message = Ticket.AMOUNT_DIGITS)
                          BigDecimal amount, @NotNull LocalDate date) {
    }

    @Operation(summary = "Record a debtor's promise to pay: amount and a date from today to 30 days ahead; pauses the strategy (collectors, managers)")
    @PostMapping(path = "/{ticketNumber}/promises", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<PromiseView> promise(@PathVariable String ticketNumber, @Valid @RequestBody PromiseRequest request) {
        Promise promise = commands.promise(ticketNumber, request.amount(), request.date(), currentUser.userId().orElse(null));
        return ResponseEntity.created(URI.create("/api/tickets/" + ticketNumber)).body(PromiseView.of(promise));
    }
}
