package com.collectiondesk.outreach;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import com.collectiondesk.system.BusinessClock;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * One row per send key, written and committed in its own transaction before the provider is called, so
 * whatever happens to the job's transaction afterwards the next try knows: accepted (do not send again),
 * failed before acceptance (safe to send), or still being sent by another thread or node (wait).
 */
@Component
class SendOutbox {

    /** QUEUED: waiting for its sender's slot, the provider not called yet (safe to send). */
    enum Status { QUEUED, SENDING, FAILED, ACCEPTED }

    /**
     * Either this caller may send now ({@code granted}), or the send was already accepted and {@code receipt} says
     * how, or it waits for its sender's slot at {@code notBefore}.
     */
    record Claim(boolean granted, OutreachReceipt receipt, Instant notBefore) {

        static final Claim GRANTED = new Claim(true, null, null);

        static Claim accepted(OutreachReceipt receipt) {
            return new Claim(false, receipt, null);
        }

        static Claim postponed(Instant notBefore) {
            return new Claim(false, null, notBefore);
        }
    }

    private final JdbcTemplate jdbc;
    private final TransactionTemplate ownTransaction;
    private final SendPace pace;
    private final BusinessClock clock;

    SendOutbox(JdbcTemplate jdbc, PlatformTransactionManager transactions, SendPace pace, BusinessClock clock) {
        this.jdbc = jdbc;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.pace = pace;
        this.clock = clock;
    }

    /**
     * Claims the send key: a new key takes its sender's next slot ({@code sender} null: not paced) and is granted
     * if that slot is now, else queued for it; a key seen before goes on from where it stands.
     */
    Claim claim(String sendKey, String ticketNumber, Channel channel, SendPace.Sender sender) {
        try {
            return ownTransaction.execute(status -> {
                Instant now = clock.now();
                Instant slot = sender == null ? now : pace.reserve(sender, now);
                boolean sendNow = !slot.isAfter(now);
                jdbc.update("insert into outreach_send (send_key, ticket_number, channel, status, tries, claimed_at, not_before)"
                                + " values (?, ?, ?, ?, ?, ?, ?)", sendKey, ticketNumber, channel.name(),
                        (sendNow ? Status.SENDING : Status.QUEUED).name(), sendNow ? 1 : 0, Timestamp.from(Instant.now()),
                        Timestamp.from(slot));
                return sendNow ? Claim.GRANTED : Claim.postponed(slot);
            });
        } catch (DuplicateKeyException alreadyThere) {
            return ownTransaction.execute(status -> reclaim(sendKey, sender));
        }
    }

    void accepted(String sendKey, OutreachReceipt receipt) {
        ownTransaction.executeWithoutResult(status -> jdbc.update(
                "update outreach_send set status = ?, provider_id = ?, rendered_text = ?, segments = ?, sandbox = ?, accepted_at = ?, last_error = null where send_key = ?",
                Status.ACCEPTED.name(), receipt.providerId(), cut(receipt.renderedText(), 4000), receipt.segments(),
                receipt.sandbox(), Timestamp.from(Instant.now()), sendKey));
    }

    /**
     * The provider did not accept the message: a later try may send it. A 429 also holds the sender off for the
     * provider's Retry-After: its other sends wait too, the other senders go on.
     */
    void failed(String sendKey, RuntimeException error, SendPace.Sender sender) {
        ownTransaction.executeWithoutResult(status -> {
            jdbc.update("update outreach_send set status = ?, last_error = ? where send_key = ? and status = ?",
                    Status.FAILED.name(), cut(error.getClass().getSimpleName() + ": " + error.getMessage(), 1000), sendKey,
                    Status.SENDING.name());
            if (sender != null && error instanceof ProviderRateLimitedException limited) {
                Instant now = clock.now();
                pace.holdOff(sender, now, now.plus(limited.retryAfter()));
            }
        });
    }

    /** The provider may have taken it: the key stays SENDING (in doubt, for an operator to settle), with the reason. */
    void inDoubt(String sendKey, RuntimeException error) {
        ownTransaction.executeWithoutResult(status -> jdbc.update("update outreach_send set last_error = ? where send_key = ?",
                cut(error.getMessage(), 1000), sendKey));
    }

    /**
     * The provider's delivery status of the message or call with this id, on the send's own row (the one record
     * of it that the ticket's contacts read too), in the caller's transaction with the callback that reported it.
     * Returns the sends it belongs to.
     */
    List<Entry> delivered(String providerId, String deliveryStatus) {
        jdbc.update("update outreach_send set delivery_status = ? where provider_id = ?", cut(deliveryStatus, 30), providerId);
        return jdbc.query(ENTRY_COLUMNS + " where provider_id = ? order by send_key", ENTRY, providerId);
    }

    /** A send as operators see it when they resolve one in doubt; the rendered text stays out (it is personal). */
    record Entry(String sendKey, String ticketNumber, Channel channel, String status, int tries, Instant claimedAt,
                 String providerId, String lastError, String deliveryStatus) {
    }

    private static final String ENTRY_COLUMNS = "select send_key, ticket_number, channel, status, tries, claimed_at,"
            + " provider_id, last_error, delivery_status from outreach_send";
    private static final RowMapper<Entry> ENTRY = (row, i) -> new Entry(row.getString(1), row.getString(2),
            Channel.valueOf(row.getString(3)), row.getString(4), row.getInt(5), row.getTimestamp(6).toInstant(),
            row.getString(7), row.getString(8), row.getString(9));

    List<Entry> inStatus(Status status) {
        return jdbc.query(ENTRY_COLUMNS + " where status = ? order by claimed_at, send_key", ENTRY, status.name());
    }

    Optional<Entry> find(String sendKey) {
        return jdbc.query(ENTRY_COLUMNS + " where send_key = ?", ENTRY, sendKey).stream().findFirst();
    }

    /**
     * An operator settles a send left SENDING (a node died between the provider's answer and our commit) from the
     * provider's own log: not sent makes it FAILED, so the job's next try sends; sent makes it ACCEPTED with the
     * provider's id, so the next try records it without sending. Returns false when the key is not SENDING.
     */
    boolean settle(String sendKey, boolean sent, String providerId, String operator) {
        return ownTransaction.execute(status -> sent
                ? jdbc.update("update outreach_send set status = ?, provider_id = ?, accepted_at = ?, last_error = ? where send_key = ? and status = ?",
                        Status.ACCEPTED.name(), providerId, Timestamp.from(Instant.now()), "confirmed sent by " + operator,
                        sendKey, Status.SENDING.name()) == 1
                : jdbc.update("update outreach_send set status = ?, last_error = ? where send_key = ? and status = ?",
                        Status.FAILED.name(), "confirmed not sent by " + operator, sendKey, Status.SENDING.name()) == 1);
    }

    /** Sends not FAILED (so in doubt or accepted) for these tickets, claimed after {@code since}. */
    List<OutreachPort.ClaimedSend> claimedSince(Collection<String> ticketNumbers, Instant since) {
        if (ticketNumbers.isEmpty()) {
            return List.of();
        }
        String marks = String.join(", ", java.util.Collections.nCopies(ticketNumbers.size(), "?"));
        List<Object> arguments = new java.util.ArrayList<>(ticketNumbers);
        arguments.add(Timestamp.from(since));
        arguments.add(Status.FAILED.name());
        return jdbc.query("select send_key, channel, claimed_at from outreach_send where ticket_number in (" + marks
                        + ") and claimed_at > ? and status <> ?",
                (row, i) -> new OutreachPort.ClaimedSend(row.getString(1), Channel.valueOf(row.getString(2)), row.getTimestamp(3).toInstant()),
                arguments.toArray());
    }

    /**
     * A key seen before: accepted returns its receipt; SENDING is in doubt; queued waits for its slot, and at its slot
     * sends unless the provider holds the sender off (then it takes a new slot); failed takes a new slot.
     */
    private Claim reclaim(String sendKey, SendPace.Sender sender) {
        Instant now = clock.now();
        Queued queued = jdbc.query("select status, not_before, rendered_text, provider_id, segments, sandbox from outreach_send"
                        + " where send_key = ? for update", (row, i) -> new Queued(Status.valueOf(row.getString(1)),
                        row.getTimestamp(2) == null ? null : row.getTimestamp(2).toInstant(),
                        new OutreachReceipt(row.getString(3), row.getString(4), row.getInt(5), row.getBoolean(6))), sendKey)
                .stream().findFirst().orElseThrow(() -> new SendInDoubtException(sendKey));
        switch (queued.status()) {
            case ACCEPTED:
                return Claim.accepted(queued.receipt());
            case SENDING:
                throw new SendInDoubtException(sendKey);
            case QUEUED:
                if (queued.notBefore() != null && queued.notBefore().isAfter(now)) {
                    return Claim.postponed(queued.notBefore());
                }
                if (sender == null || pace.heldUntil(sender, now) == null) {
                    return send(sendKey);
                }
                return queueOrSend(sendKey, sender, now);
            default:
                return sender == null ? send(sendKey) : queueOrSend(sendKey, sender, now);
        }
    }

    private record Queued(Status status, Instant notBefore, OutreachReceipt receipt) {
    }

    private Claim queueOrSend(String sendKey, SendPace.Sender sender, Instant now) {
        Instant slot = pace.reserve(sender, now);
        if (!slot.isAfter(now)) {
            return send(sendKey);
        }
        jdbc.update("update outreach_send set status = ?, not_before = ? where send_key = ?", Status.QUEUED.name(),
                Timestamp.from(slot), sendKey);
        return Claim.postponed(slot);
    }

    private Claim send(String sendKey) {
        jdbc.update("update outreach_send set status = ?, tries = tries + 1, claimed_at = ? where send_key = ?",
                Status.SENDING.name(), Timestamp.from(Instant.now()), sendKey);
        return Claim.GRANTED;
    }

    private static String cut(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }
}
