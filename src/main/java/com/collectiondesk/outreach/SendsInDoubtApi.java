package com.collectiondesk.outreach;

import com.collectiondesk.errors.Conflict;
import com.collectiondesk.errors.InputRefused;
import com.collectiondesk.errors.NotFound;
import com.collectiondesk.security.AllowedGroups;
import com.collectiondesk.security.CurrentUser;
import com.collectiondesk.security.Groups;
import io.swagger.v3.oas.annotations.Operation;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Sends whose outcome is unknown end as incidents naming their key. A manager checks the provider's log, settles
 * the key here, then retries the incident in Cockpit: nothing is ever sent twice on a guess.
 */
@RestController
@RequestMapping("/api/outreach/sends")
@AllowedGroups(Groups.MANAGERS)
class SendsInDoubtApi {

    enum Outcome { SENT, NOT_SENT }

    /** The outbox statuses listed here; sends QUEUED for their sender's slot are in no doubt (the backlog gauge counts them). */
    enum Listed { SENDING, FAILED, ACCEPTED }

    record Settlement(Outcome outcome, String providerId) {
    }

    private static final Logger log = LoggerFactory.getLogger(SendsInDoubtApi.class);

    private final SendOutbox outbox;
    private final CurrentUser currentUser;

    SendsInDoubtApi(SendOutbox outbox, CurrentUser currentUser) {
        this.outbox = outbox;
        this.currentUser = currentUser;
    }

    @Operation(summary = "Sends in doubt (status SENDING, FAILED or ACCEPTED): the provider may or may not have sent them")
    @GetMapping
    List<SendOutbox.Entry> list(@RequestParam(defaultValue = "SENDING") Listed status) {
        // an unknown status is answered by errors.ApiProblems: "status must be one of SENDING, FAILED, ACCEPTED, …"
        return outbox.inStatus(SendOutbox.Status.valueOf(status.name()));
    }

    @Operation(summary = "Settle a send in doubt as SENT (with the provider's id) or NOT_SENT")
    @PostMapping(path = "/{sendKey}/settlement", consumes = MediaType.APPLICATION_JSON_VALUE)
    SendOutbox.Entry settle(@PathVariable String sendKey, @RequestBody Settlement settlement) {
        if (settlement.outcome() == null) {
            throw new InputRefused("outcome", "must be SENT or NOT_SENT");
        }
        boolean sent = settlement.outcome() == Outcome.SENT;
        if (sent && (settlement.providerId() == null || settlement.providerId().isBlank())) {
            throw new InputRefused("providerId", "the provider's id of the message or call that was sent");
        }
        SendOutbox.Entry entry = outbox.find(sendKey)
                .orElseThrow(() -> new NotFound("No send with key " + sendKey));
        String operator = currentUser.userId().orElseThrow();
        if (!outbox.settle(sendKey, sent, sent ? settlement.providerId().strip() : null, operator)) {
            throw new Conflict("Conflict", "Send " + sendKey + " is " + entry.status() + ", not in doubt");
        }
        log.warn("Send {} settled as {} by {}", sendKey, settlement.outcome(), operator);
        return outbox.find(sendKey).orElseThrow();
    }
}
