package com.collectiondesk.contact;

import com.collectiondesk.outreach.Channel;
import java.time.Instant;

/**
 * One contact in a debtor's history as the contact rules count it, from any of their tickets: a recorded
 * attempt, or a send still in the outbox (accepted or in doubt) whose record is missing.
 */
record PastContact(Channel channel, boolean inbound, String outcome, Instant at) {

    /** Outcome of an outbox send that counts although the ticket has no record of it. */
    static final String CLAIMED = "CLAIMED";
}
