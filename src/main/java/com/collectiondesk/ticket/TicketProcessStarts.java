package com.collectiondesk.ticket;

import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Starts the processes of the tickets {@link BulkTickets#openAll} opened, a batch per transaction, after the scan's
 * chunks are committed: the engine's rows for a batch are written together, and the scan's own transactions stay short.
 * A ticket is marked started in the same transaction that starts its process, so a retried batch or scan never starts
 * a second one; a ticket closed before its process started gets none.
 */
@Service
public class TicketProcessStarts {

    /** Tickets per batch: one engine command, one job of the scan's "start ticket processes". */
    public static final int BATCH = 200;

    private final TicketRows rows;
    private final TicketProcessGateway processes;

    TicketProcessStarts(TicketRows rows, TicketProcessGateway processes) {
        this.rows = rows;
        this.processes = processes;
    }

    /** Tickets whose process is still to start. */
    @Transactional(readOnly = true)
    public long pending() {
        return rows.pendingStartCount();
    }

    /** Starts the processes of up to {@code limit} tickets still without one, oldest first; returns how many it started. */
    @Transactional
    public int startPending(int limit) {
        List<TicketRows.PendingStart> pending = rows.pendingStarts(limit);
        if (pending.isEmpty()) {
            return 0;
        }
        List<String> toStart = pending.stream().filter(ticket -> !ticket.closed()).map(TicketRows.PendingStart::ticketNumber).toList();
        processes.startAll(toStart);
        rows.startsDone(pending.stream().map(TicketRows.PendingStart::id).toList());
        return toStart.size();
    }
}
