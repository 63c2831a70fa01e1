package com.collectiondesk.ticket;

import java.util.List;
import java.util.function.Function;

/**
 * A feature's part of one ticket's detail (the plan's steps, contacts, promises, disputes), under the name the
 * ticket API shows it: the features that hang off a ticket publish their part as a bean (ordered by {@code @Order}),
 * so the ticket depends on none of them. Read inside the ticket query's transaction.
 */
public record TicketDetailPart(String name, Function<Long, List<?>> entries) {

    public List<?> of(Long ticketId) {
        return entries.apply(ticketId);
    }
}
