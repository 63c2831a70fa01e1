package com.collectiondesk.outreach;

import java.time.Instant;

/**
 * The send waits for its sender's slot: nothing was sent, no retry is used up, the job runs again at
 * {@code notBefore} ({@link RetryAfterPlugin}).
 */
public class SendPostponedException extends RuntimeException {

    private final Instant notBefore;

    SendPostponedException(String sendKey, Instant notBefore) {
        super("Send " + sendKey + " waits for its sender's slot at " + notBefore, null, false, false);
        this.notBefore = notBefore;
    }

    public Instant notBefore() {
        return notBefore;
    }
}
