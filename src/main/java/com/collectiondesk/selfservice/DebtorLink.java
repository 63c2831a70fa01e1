package com.collectiondesk.selfservice;

import com.collectiondesk.outreach.Channel;
import java.time.Instant;

/** A valid (not expired, not revoked) link as the page sees it: whose ticket, sent over which channel. */
record DebtorLink(long id, String tokenHash, long ticketId, long customerPk, Channel channel, Instant expiresAt,
                  Instant firstOpenedAt, int failedFactors, Instant lockedAt) {

    boolean locked() {
        return lockedAt != null;
    }
}
