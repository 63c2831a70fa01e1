package com.collectiondesk.dispute;

import java.math.BigDecimal;
import java.time.Instant;

/** One dispute as the ticket API shows it. */
public record DisputeView(String reason, BigDecimal amount, Dispute.Resolution resolution, String author, Instant createdAt,
                          Instant resolvedAt) {

    static DisputeView of(Dispute d) {
        return new DisputeView(d.getReason(), d.getAmount(), d.getResolution(), d.getAuthor(), d.getCreatedAt(),
                d.getResolvedAt());
    }
}
