package com.collectiondesk.selfservice;

import com.collectiondesk.errors.NotFound;
import com.collectiondesk.outreach.Channel;
import com.collectiondesk.outreach.DebtorPageLinks;
import com.collectiondesk.system.BusinessClock;
import com.collectiondesk.system.PublicLinks;
import com.collectiondesk.ticket.Ticket;
import com.collectiondesk.ticket.TicketService;
import com.collectiondesk.ticket.Timeline;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The links in the debtor's messages. Every message gets a fresh link valid for {@code link-validity}, so a new
 * message renews the debtor's access while older links run out on their own dates. A link is committed in a
 * transaction of its own before the message leaves, so a send that rolls back never carries a dead link.
 */
@Service
class SelfServiceLinks implements DebtorPageLinks {

    static final String PAGE_PATH = "/s/";

    private final JdbcTemplate jdbc;
    private final TicketService tickets;
    private final Timeline timeline;
    private final BusinessClock clock;
    private final SelfServiceSettings settings;
    private final TransactionTemplate ownTransaction;
    private final PublicLinks fallback;

    SelfServiceLinks(JdbcTemplate jdbc, TicketService tickets, Timeline timeline, BusinessClock clock,
                     SelfServiceSettings settings, PlatformTransactionManager transactions, PublicLinks fallback) {
        this.fallback = fallback;
        this.jdbc = jdbc;
        this.tickets = tickets;
        this.timeline = timeline;
        this.clock = clock;
        this.settings = settings;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    @Override
    public String linkFor(String ticketNumber, Long customerId, Channel channel) {
        Optional<Ticket> ticket = stored(ticketNumber);
        if (ticket.isEmpty()) {
            // a hand-made send about no stored ticket has no page to open: it keeps the configured payment link
            return fallback.paymentLinkTemplate().replace("{ticketNumber}", ticketNumber);
        }
        String token = LinkTokens.newToken();
        Instant now = clock.now();
        ownTransaction.executeWithoutResult(status -> {
            jdbc.update("insert into self_service_link (token_hash, ticket_fk, customer_fk, channel, created_at, expires_at)"
                            + " values (?, ?, ?, ?, ?, ?)",
                    LinkTokens.hash(token), ticket.get().getId(), customerId, channel.name(), Timestamp.from(now),
                    Timestamp.from(now.plus(settings.linkValidity())));
        });
        return settings.baseUrl() + PAGE_PATH + token;
    }

    /** The link behind this token if it exists, has not expired and is not revoked; every other case is empty alike. */
    Optional<DebtorLink> valid(String token) {
        if (!LinkTokens.wellFormed(token)) {
            return Optional.empty();
        }
        List<DebtorLink> found = jdbc.query("select id, token_hash, ticket_fk, customer_fk, channel, expires_at, first_opened_at,"
                        + " failed_factors, locked_at from self_service_link where token_hash = ? and revoked_at is null"
                        + " and expires_at > ?",
                (row, n) -> new DebtorLink(row.getLong(1), row.getString(2), row.getLong(3), row.getLong(4),
                        Channel.valueOf(row.getString(5)), row.getTimestamp(6).toInstant(), instant(row.getTimestamp(7)),
                        row.getInt(8), instant(row.getTimestamp(9))),
                LinkTokens.hash(token), Timestamp.from(clock.now()));
        return found.stream().findFirst();
    }

    /** The first opening goes on the ticket's timeline, with the channel the link came by. */
    void opened(DebtorLink link) {
        int first = jdbc.update("update self_service_link set first_opened_at = ? where id = ? and first_opened_at is null",
                Timestamp.from(clock.now()), link.id());
        if (first == 1) {
            timeline.record(tickets.get(link.ticketId()), "SELF_SERVICE_OPENED", "Opened the self-service page from the "
                    + link.channel().name().toLowerCase(Locale.ROOT) + " link", SelfServicePage.BY_THE_DEBTOR);
        }
    }

    /** Counts a wrong second-factor answer; answers whether the link is locked now. */
    boolean failedFactor(DebtorLink link) {
        jdbc.update("update self_service_link set failed_factors = failed_factors + 1 where id = ?", link.id());
        int locked = jdbc.update("update self_service_link set locked_at = ? where id = ? and locked_at is null"
                + " and failed_factors >= ?", Timestamp.from(clock.now()), link.id(), settings.secondFactorAttempts());
        if (locked == 1) {
            timeline.record(tickets.get(link.ticketId()), "SELF_SERVICE_LOCKED", "Self-service link from the "
                    + link.channel().name().toLowerCase(Locale.ROOT) + " locked after " + settings.secondFactorAttempts()
                    + " wrong answers to the security question", SelfServicePage.BY_THE_DEBTOR);
        }
        return locked == 1 || link.locked();
    }

    /** Ends every link of the ticket at once (a debtor who reports a forwarded message, a closed account). */
    int revokeAll(long ticketId) {
        return jdbc.update("update self_service_link set revoked_at = ? where ticket_fk = ? and revoked_at is null",
                Timestamp.from(clock.now()), ticketId);
    }

    private Optional<Ticket> stored(String ticketNumber) {
        try {
            return Optional.of(tickets.byNumber(ticketNumber));
        } catch (NotFound none) {
            return Optional.empty();
        }
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
