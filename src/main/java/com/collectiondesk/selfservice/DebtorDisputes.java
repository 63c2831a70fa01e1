package com.collectiondesk.selfservice;

import com.collectiondesk.dispute.Dispute;
import com.collectiondesk.dispute.DisputeCommands;
import com.collectiondesk.ledger.LedgerQueries;
import com.collectiondesk.system.BusinessClock;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A dispute the debtor raises on the page: through the dispute module's own path (the ticket's process takes it by
 * the DisputeRaised message, the strategy waits, the dispute team gets its "Resolve dispute" task; the timeline says
 * {@code debtor}), contesting one invoice or part of it, which goes on hold until the dispute is resolved ({@link DisputeHolds}). The page's own record keeps the reason picked from the list
 * and the attachment, read back only by staff ({@link DisputeAttachmentApi}).
 */
@Service
@Transactional
class DebtorDisputes {

    /** The reasons the page offers, in its order; each has its words ({@code reason.<NAME>}). */
    enum Reason { ALREADY_PAID, NOT_RECEIVED, WRONG_AMOUNT, FAULTY, NOT_MINE, OTHER }

    static final int DETAILS_LIMIT = 1000;

    /** A file whose type was checked by its content. */
    record Attachment(String name, String mediaType, byte[] content) {
    }

    /** A stored attachment as staff read it. */
    record StoredAttachment(String name, String mediaType, byte[] content) {
    }

    private final DisputeCommands disputes;
    private final JdbcTemplate jdbc;
    private final BusinessClock clock;
    private final EntityManager entities;
    private final DisputeHolds holds;

    DebtorDisputes(DisputeCommands disputes, JdbcTemplate jdbc, BusinessClock clock, EntityManager entities, DisputeHolds holds) {
        this.disputes = disputes;
        this.holds = holds;
        this.entities = entities;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    void raise(DebtorLink link, DebtorAccount account, LedgerQueries.OpenInvoice invoice, BigDecimal amount, Reason reason,
               String details, Attachment attachment) {
        String text = "On the self-service page, invoice " + invoice.invoiceNumber() + ": " + describe(reason)
                + (details == null ? "" : ": " + details) + (attachment == null ? "" : " (attachment " + attachment.name() + ")");
        Dispute dispute = disputes.dispute(account.ticketNumber(), invoice.pk(), text, amount, SelfServicePage.BY_THE_DEBTOR);
        Long hold = holds.hold(account, invoice, amount).orElse(null);
        // the dispute and the hold are JPA's, this record plain SQL: their rows must be written before one refers to them
        entities.flush();
        jdbc.update("insert into self_service_dispute (link_fk, ticket_fk, dispute_fk, hold_fk, invoice_number, amount, reason, details,"
                        + " created_at, attachment_name, attachment_type, attachment_size, attachment) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                link.id(), link.ticketId(), dispute.getId(), hold, invoice.invoiceNumber(), amount, reason.name(), details,
                Timestamp.from(clock.now()), attachment == null ? null : attachment.name(),
                attachment == null ? null : attachment.mediaType(), attachment == null ? null : attachment.content().length,
                attachment == null ? null : attachment.content());
    }

    /** The attachment of one of the ticket's page disputes; empty for another ticket's or one without a file. */
    @Transactional(readOnly = true)
    Optional<StoredAttachment> attachment(long ticketId, long pageDisputeId) {
        List<StoredAttachment> found = jdbc.query("select attachment_name, attachment_type, attachment from self_service_dispute"
                        + " where id = ? and ticket_fk = ? and attachment is not null",
                (rs, row) -> new StoredAttachment(rs.getString(1), rs.getString(2), rs.getBytes(3)), pageDisputeId, ticketId);
        return found.stream().findFirst();
    }

    /** The ticket's page disputes as the ticket's detail lists them, with where staff read each attachment. */
    @Transactional(readOnly = true)
    List<PageDispute> ofTicket(long ticketId, String ticketNumber) {
        return jdbc.query("select id, invoice_number, amount, reason, details, created_at, attachment_name, attachment_type,"
                        + " attachment_size from self_service_dispute where ticket_fk = ? order by id",
                (rs, row) -> new PageDispute(rs.getString("invoice_number"), rs.getBigDecimal("amount"), rs.getString("reason"),
                        rs.getString("details"), rs.getTimestamp("created_at").toInstant(), rs.getString("attachment_name"),
                        rs.getString("attachment_type"), (Integer) rs.getObject("attachment_size"),
                        rs.getString("attachment_name") == null ? null
                                : DisputeAttachmentApi.path(ticketNumber, rs.getLong("id"))), ticketId);
    }

    /** One page dispute in the ticket's detail. */
    record PageDispute(String invoiceNumber, BigDecimal amount, String reason, String details, Instant createdAt,
                       String attachmentName, String attachmentType, Integer attachmentSize, String attachmentUrl) {
    }

    private static String describe(Reason reason) {
        return Words.of("en").get("reason." + reason.name());
    }
}
