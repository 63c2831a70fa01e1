package com.collectiondesk.outreach;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Each sender's pace, one row per sender in {@code outreach_pace}: every send takes the sender's next free slot
 * (one interval after the one before, never before now nor before the provider's Retry-After), so a batch due at
 * once is spread over the time the provider takes for it. The row is locked while a slot is taken, so every
 * thread and node shares one pace. A slot scheduler rather than a token bucket library: the pace must hold across
 * nodes (an in-memory bucket per node would multiply the rate) and run on the engine's clock, which tests move.
 * Runs in the caller's transaction.
 */
@Component
class SendPace {

    /** Who the provider counts a send against, and how long one send takes of its rate. */
    record Sender(String key, Duration interval) {
    }

    private final JdbcTemplate jdbc;
    private final Set<String> known = ConcurrentHashMap.newKeySet();

    private final TransactionTemplate ownTransaction;

    SendPace(JdbcTemplate jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** The slot this send takes: now, or the sender's next free slot if that is later. */
    Instant reserve(Sender sender, Instant now) {
        Instant slot = latest(now, lock(sender, now));
        jdbc.update("update outreach_pace set next_slot = ? where sender = ?",
                Timestamp.from(slot.plus(sender.interval())), sender.key());
        return slot;
    }

    /** Until when the provider asked us to send nothing from this sender; null if it did not. */
    Instant heldUntil(Sender sender, Instant now) {
        Instant held = lock(sender, now).heldUntil();
        return held != null && held.isAfter(now) ? held : null;
    }

    /** The provider refused for a while (429 Retry-After): no slot of this sender before {@code until}. */
    void holdOff(Sender sender, Instant now, Instant until) {
        Slots slots = lock(sender, now);
        jdbc.update("update outreach_pace set held_until = ?, next_slot = ? where sender = ?", Timestamp.from(until),
                Timestamp.from(latest(until, slots)), sender.key());
    }

    private record Slots(Instant nextSlot, Instant heldUntil) {
    }

    private static Instant latest(Instant now, Slots slots) {
        Instant latest = slots.nextSlot().isAfter(now) ? slots.nextSlot() : now;
        return slots.heldUntil() != null && slots.heldUntil().isAfter(latest) ? slots.heldUntil() : latest;
    }

    private Slots lock(Sender sender, Instant now) {
        if (known.add(sender.key())) {
            ensureRow(sender.key(), now);
        }
        List<Slots> rows = select(sender.key());
        if (rows.isEmpty()) {   // the row went away (a test cleaned the tables): the sender starts afresh
            ensureRow(sender.key(), now);
            rows = select(sender.key());
        }
        return rows.get(0);
    }

    private List<Slots> select(String key) {
        return jdbc.query("select next_slot, held_until from outreach_pace where sender = ? for update",
                (row, i) -> new Slots(row.getTimestamp(1).toInstant(),
                        row.getTimestamp(2) == null ? null : row.getTimestamp(2).toInstant()), key);
    }

    /** Inserted in a transaction of its own, so a parallel first insert does not abort the caller's (PostgreSQL would). */
    private void ensureRow(String key, Instant now) {
        try {
            ownTransaction.executeWithoutResult(status -> jdbc.update(
                    "insert into outreach_pace (sender, next_slot) values (?, ?)", key, Timestamp.from(now)));
        } catch (DuplicateKeyException alreadyThere) {
            // another thread or node made it
        }
    }
}
