package com.collectiondesk.ticket;

import java.time.Instant;

/**
 * Published (in the closing transaction) when a ticket closes, so what hangs off a ticket — a pending promise, say —
 * closes with it without the ticket knowing those features.
 *
 * @param author who closed it, or null for the process
 */
public record TicketClosed(Long ticketId, CloseReason reason, Instant at, String author) {
}
