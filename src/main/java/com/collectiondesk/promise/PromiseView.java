package com.collectiondesk.promise;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/** One promise as the ticket API shows it. */
public record PromiseView(BigDecimal amount, LocalDate date, Promise.Status status, String author, Instant createdAt,
                          Instant resolvedAt) {

    static PromiseView of(Promise p) {
        return new PromiseView(p.getAmount(), p.getPromisedDate(), p.getStatus(), p.getAuthor(), p.getCreatedAt(),
                p.getResolvedAt());
    }
}
