package com.collectiondesk.ticket;

import com.collectiondesk.security.AllowedGroups;
import com.collectiondesk.security.CurrentUser;
import com.collectiondesk.security.Groups;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDate;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Tickets for collectors, dispute handlers, managers and analysts; promises and disputes from outside. */
@RestController
@RequestMapping("/api/tickets")
@AllowedGroups({Groups.COLLECTORS, Groups.DISPUTES, Groups.MANAGERS, Groups.ANALYSTS})
class TicketApi {

    private final TicketQueries queries;
    private final TicketCommands commands;
    private final CurrentUser currentUser;
    private final CallStarts calls;

    TicketApi(TicketQueries queries, TicketCommands commands, CurrentUser currentUser, CallStarts calls) {
        this.queries = queries;
        this.commands = commands;
        this.currentUser = currentUser;
        this.calls = calls;
    }

    @GetMapping
    TicketViews.PageView<TicketViews.Summary> list(@RequestParam(required = false) TicketStatus status,
                                   @RequestParam(required = false) String owner,
                                   @RequestParam(required = false) String bucket,
                                   @RequestParam(required = false) String segment,
                                   @RequestParam(required = false) String productType,
                                   @RequestParam(defaultValue = "0") int page,
                                   @RequestParam(defaultValue = "50") int size) {
        return TicketViews.PageView.of(queries.list(new TicketQueries.Filter(status, owner, bucket, segment, productType), page, size));
    }

    @GetMapping("/{ticketNumber}")
    TicketViews.Detail get(@PathVariable String ticketNumber) {
        return queries.detail(ticketNumber);
    }

    /** What the ticket's numeric(19, 2) amount columns hold; a larger amount is refused, not failed at the database. */
    private static final String AMOUNT_DIGITS = "must have at most 17 digits before the decimal point and 2 after";

    record PromiseRequest(@NotNull @DecimalMin(value = "0.01") @Digits(integer = 17, fraction = 2, message = AMOUNT_DIGITS)
                          BigDecimal amount, @NotNull LocalDate date) {
    }

    record DisputeRequest(@NotBlank @Size(max = 2000) String reason,
                          @DecimalMin(value = "0.01") @Digits(integer = 17, fraction = 2, message = AMOUNT_DIGITS) BigDecimal amount) {
    }

    /** Without an outcome the call is STARTED: the call form's completion within the hour gives it its outcome. */
    record CallRequest(@Pattern(regexp = "REACHED|NO_ANSWER|WRONG_NUMBER|REFUSED",
                               message = "must be one of REACHED, NO_ANSWER, WRONG_NUMBER, REFUSED (promises and disputes have their own endpoints)")
                       String outcome,
                       @Size(max = 2000) String note) {
    }

    /**
     * A collector calls the debtor now: allowed only if the contact policy allows a call at this instant (409
     * with the rule and the next callable moment in the debtor's time otherwise); the attempt is reserved at once.
     */
    @PostMapping("/{ticketNumber}/calls")
    @AllowedGroups({Groups.COLLECTORS, Groups.MANAGERS})
    ResponseEntity<TicketViews.ContactView> call(@PathVariable String ticketNumber,
                                                 @Valid @RequestBody(required = false) CallRequest request) {
        CallRequest call = request == null ? new CallRequest(null, null) : request;
        ContactAttempt attempt = calls.start(ticketNumber, call.outcome(), call.note(), currentUser.userId().orElse(null));
        return ResponseEntity.created(URI.create("/api/tickets/" + ticketNumber)).body(TicketViews.ContactView.of(attempt));
    }

    @PostMapping(path = "/{ticketNumber}/promises", consumes = MediaType.APPLICATION_JSON_VALUE)
    @AllowedGroups({Groups.COLLECTORS, Groups.MANAGERS})
    ResponseEntity<TicketViews.PromiseView> promise(@PathVariable String ticketNumber, @Valid @RequestBody PromiseRequest request) {
        Promise promise = commands.promise(ticketNumber, request.amount(), request.date(), currentUser.userId().orElse(null));
        return ResponseEntity.created(URI.create("/api/tickets/" + ticketNumber)).body(TicketViews.PromiseView.of(promise));
    }

    @PostMapping(path = "/{ticketNumber}/disputes", consumes = MediaType.APPLICATION_JSON_VALUE)
    @AllowedGroups({Groups.COLLECTORS, Groups.MANAGERS})
    ResponseEntity<TicketViews.DisputeView> dispute(@PathVariable String ticketNumber, @Valid @RequestBody DisputeRequest request) {
        Dispute dispute = commands.dispute(ticketNumber, request.reason(), request.amount(), currentUser.userId().orElse(null));
        return ResponseEntity.created(URI.create("/api/tickets/" + ticketNumber)).body(TicketViews.DisputeView.of(dispute));
    }
}
