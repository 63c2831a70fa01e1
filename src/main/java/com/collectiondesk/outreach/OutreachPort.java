package com.collectiondesk.outreach;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

/**
 * Sends one message to a debtor over SMS, email, letter or automated voice. Implementations must be
 * idempotent per {@link OutreachMessage#sendKey()}: the caller may retry a failed job with the same key.
 */
public interface OutreachPort {

    OutreachReceipt send(OutreachMessage message);

    /** A send the provider has accepted or may have accepted (in doubt), whether or not the ticket recorded it. */
    record ClaimedSend(String sendKey, Channel channel, Instant claimedAt) {
    }

    /**
     * The sends for these tickets claimed after {@code since} that did not fail: the contact policy counts them
     * against the debtor's budget until an operator settles one as not sent.
     */
    List<ClaimedSend> claimedSince(Collection<String> ticketNumbers, Instant since);
}
