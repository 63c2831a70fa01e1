package com.collectiondesk.contact;

import com.collectiondesk.security.AllowedGroups;
import com.collectiondesk.security.CurrentUser;
import com.collectiondesk.security.Groups;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.net.URI;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** A collector calls the debtor of a ticket: the call is checked and reserved at the instant it is made. */
@RestController
@RequestMapping("/api/tickets")
@AllowedGroups({Groups.COLLECTORS, Groups.MANAGERS})
class CallApi {

    private final CallStarts calls;
    private final CurrentUser currentUser;

    CallApi(CallStarts calls, CurrentUser currentUser) {
        this.calls = calls;
        this.currentUser = currentUser;
    }

    /** Without an outcome the call is STARTED: the call form's completion within the hour gives it its outcome. */
    record CallRequest(@Pattern(regexp = "REACHED|NO_ANSWER|WRONG_NUMBER|REFUSED",
                               message = "must be one of REACHED, NO_ANSWER, WRONG_NUMBER, REFUSED (promises and disputes have their own endpoints)")
                       String outcome,
                       @Size(max = 2000) String note) {
    }

    /**
     * Allowed only if the contact policy allows a call at this instant (409 with the rule and the next callable
     * moment in the debtor's time otherwise); the attempt is reserved at once.
     */
    @Operation(summary = "Start a call now if the contact policy allows it; 409 with the rule and the next callable time if not")
    @PostMapping("/{ticketNumber}/calls")
    ResponseEntity<ContactView> call(@PathVariable String ticketNumber, @Valid @RequestBody(required = false) CallRequest request) {
        CallRequest call = request == null ? new CallRequest(null, null) : request;
        ContactAttempt attempt = calls.start(ticketNumber, call.outcome(), call.note(), currentUser.userId().orElse(null));
        return ResponseEntity.created(URI.create("/api/tickets/" + ticketNumber)).body(ContactView.of(attempt));
    }
}
