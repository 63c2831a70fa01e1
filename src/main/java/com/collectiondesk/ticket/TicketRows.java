package com.collectiondesk.ticket;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import java.math.BigDecimal;
import java.sql.Date;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hibernate.dialect.Dialect;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.engine.spi.SharedSessionContractImplementor;
import org.hibernate.id.IdentifierGenerator;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The ticket tables written by plain JDBC batches, a few statements per chunk: no entity is loaded or saved and no
 * persistence context flushes before each query. Ticket ids come from the ticket sequence in whole blocks of
 * its allocation size, so they never meet an id Hibernate hands out; timeline ids from Hibernate's own generator.
 */
@Component
class TicketRows {

    /** The allocation size of {@link Ticket}'s and {@link TicketEvent}'s sequence generators (V10: increment by 50). */
    static final int ALLOCATION = 50;

    /** A ticket's figures as the scan reads and writes them. */
    record Figures(Long id, String ticketNumber, Long customerPk, String currency, BigDecimal overdueAmount,
                   BigDecimal heldAmount, int maxDpd, String bucket, String productType) {
    }

    /** A new ticket's row. */
    record NewRow(Long id, String ticketNumber, Long customerPk, String legalEntity, String currency, Overdue overdue,
                  BigDecimal held, LocalDate openedOn, boolean processPending) {
    }

    /** A timeline line. */
    record EventRow(Long ticketId, String type, Instant at, String details, String author) {
    }

    private final JdbcTemplate jdbc;
    private final NamedParameterJdbcTemplate named;
    private final Dialect dialect;
    private final SessionFactoryImplementor sessions;
    private final EntityManager entityManager;

    TicketRows(JdbcTemplate jdbc, NamedParameterJdbcTemplate named, EntityManagerFactory entityManagerFactory,
               EntityManager entityManager) {
        this.jdbc = jdbc;
        this.named = named;
        this.sessions = entityManagerFactory.unwrap(SessionFactoryImplementor.class);
        this.dialect = sessions.getJdbcServices().getDialect();
        this.entityManager = entityManager;
    }

    /** {@code count} ids from a sequence with increment {@link #ALLOCATION}: each value v reserves v-49 … v. */
    List<Long> ids(String sequence, int count) {
        List<Long> ids = new ArrayList<>(count);
        while (ids.size() < count) {
            int blocks = (count - ids.size() + ALLOCATION - 1) / ALLOCATION;
            for (long high : nextValues(sequence, blocks)) {
                // the sequence's first value (1) is Hibernate's initial value, not the top of a block
                if (high < ALLOCATION) {
                    continue;
                }
                for (long id = high - ALLOCATION + 1; id <= high && ids.size() < count; id++) {
                    ids.add(id);
                }
            }
        }
        return ids;
    }

    /** The next {@code count} values of a sequence in one statement (H2 and PostgreSQL both have generate_series). */
    List<Long> nextValues(String sequence, int count) {
        if (count == 0) {
            return List.of();
        }
        return jdbc.queryForList("select " + dialect.getSequenceSupport().getSelectSequenceNextValString(sequence)
                + " from generate_series(1, ?)", Long.class, count);
    }

    Map<Long, String> legalEntities(Collection<Long> customerPks) {
        Map<Long, String> entities = new HashMap<>();
        named.query("select id, legal_entity from ledger_customer_v where id in (:ids)", Map.of("ids", customerPks),
                rs -> {
                    entities.put(rs.getLong("id"), rs.getString("legal_entity"));
                });
        return entities;
    }

    List<Figures> figures(Collection<Long> ticketIds) {
        return named.query("""
                select id, ticket_number, customer_fk, currency, overdue_amount, held_amount, max_dpd, bucket, product_type
                from ticket where id in (:ids) order by id""", Map.of("ids", ticketIds),
                (rs, row) -> new Figures(rs.getLong("id"), rs.getString("ticket_number"), rs.getLong("customer_fk"),
                        rs.getString("currency"), rs.getBigDecimal("overdue_amount"), rs.getBigDecimal("held_amount"),
                        rs.getInt("max_dpd"), rs.getString("bucket"), rs.getString("product_type")));
    }

    /** The invoices each ticket already holds. */
    Map<Long, Set<Long>> invoiceLinks(Collection<Long> ticketIds) {
        Map<Long, Set<Long>> links = new HashMap<>();
        named.query("select ticket_fk, invoice_fk from ticket_invoice where ticket_fk in (:ids)", Map.of("ids", ticketIds),
                rs -> {
                    links.computeIfAbsent(rs.getLong("ticket_fk"), id -> new HashSet<>()).add(rs.getLong("invoice_fk"));
                });
        return links;
    }

    void insertTickets(List<NewRow> rows, Instant now) {
        OffsetDateTime at = utc(now);
        jdbc.batchUpdate("""
                insert into ticket (id, ticket_number, customer_fk, legal_entity, status, currency, overdue_amount, held_amount,
                                    overdue_at_entry, max_dpd, bucket, product_type, opened_on, broken_promises, plan_round,
                                    created_at, updated_at, version, process_pending)
                values (?, ?, ?, ?, 'OPEN', ?, ?, ?, ?, ?, ?, ?, ?, 0, 0, ?, ?, 0, ?)""",
                rows.stream().map(row -> new Object[] {row.id(), row.ticketNumber(), row.customerPk(), row.legalEntity(),
                        row.currency(), row.overdue().amount(), row.held(), row.overdue().amount(), row.overdue().maxDpd(),
                        row.overdue().bucket(), row.overdue().productType() == null ? "UNKNOWN" : row.overdue().productType(),
                        Date.valueOf(row.openedOn()), at, at, row.processPending()}).toList());
    }

    void insertLinks(Map<Long, ? extends Collection<Long>> invoicesByTicket) {
        List<Object[]> links = new ArrayList<>();
        invoicesByTicket.forEach((ticketId, invoices) -> invoices.forEach(invoice -> links.add(new Object[] {ticketId, invoice})));
        jdbc.batchUpdate("insert into ticket_invoice (ticket_fk, invoice_fk) values (?, ?)", links);
    }

    /** New figures; the version moves as Hibernate's would, so a job holding an older copy of the ticket retries. */
    void updateFigures(List<Figures> changed, Instant now) {
        OffsetDateTime at = utc(now);
        jdbc.batchUpdate("""
                update ticket set overdue_amount = ?, held_amount = ?, max_dpd = ?, bucket = ?, product_type = ?,
                                  updated_at = ?, version = version + 1
                where id = ?""",
                changed.stream().map(f -> new Object[] {f.overdueAmount(), f.heldAmount(), f.maxDpd(), f.bucket(),
                        f.productType(), at, f.id()}).toList());
    }

    /** Closes those still open; returns the ids it closed. */
    List<Long> close(Collection<Long> ticketIds, CloseReason reason, Instant closedAt) {
        List<Long> open = named.queryForList("select id from ticket where id in (:ids) and status <> 'CLOSED' order by id",
                Map.of("ids", ticketIds), Long.class);
        OffsetDateTime at = utc(closedAt);
        OffsetDateTime now = utc(Instant.now());
        jdbc.batchUpdate("""
                update ticket set status = 'CLOSED', close_reason = ?, closed_at = ?, next_step = null, next_step_due_at = null,
                                  updated_at = ?, version = version + 1
                where id = ?""", open.stream().map(id -> new Object[] {reason.name(), at, now, id}).toList());
        return open;
    }

    /**
     * Timeline ids from Hibernate's own generator of {@link TicketEvent}: a timeline orders lines of the same instant
     * by id, so a line written here must not outnumber one the entity writes after it (a block of our own would).
     */
    private List<Long> eventIds(int count) {
        SharedSessionContractImplementor session = entityManager.unwrap(SharedSessionContractImplementor.class);
        IdentifierGenerator generator = (IdentifierGenerator) sessions.getMappingMetamodel()
                .getEntityDescriptor(TicketEvent.class).getGenerator();
        List<Long> ids = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            ids.add(((Number) generator.generate(session, null)).longValue());
        }
        return ids;
    }

    void insertEvents(List<EventRow> events) {
        List<Long> ids = eventIds(events.size());
        List<Object[]> rows = new ArrayList<>(events.size());
        for (int i = 0; i < events.size(); i++) {
            EventRow event = events.get(i);
            rows.add(new Object[] {ids.get(i), event.ticketId(), event.type(), utc(event.at()), event.details(), event.author()});
        }
        jdbc.batchUpdate("insert into ticket_event (id, ticket_fk, type, at, details, author) values (?, ?, ?, ?, ?, ?)", rows);
    }

    /** A ticket whose process is still to start. */
    record PendingStart(Long id, String ticketNumber, boolean closed) {
    }

    /** Up to {@code limit} tickets whose process is still to start, oldest first, locked until the caller commits. */
    List<PendingStart> pendingStarts(int limit) {
        return jdbc.query("select id, ticket_number, status from ticket where process_pending = true order by id limit ? for update",
                (rs, row) -> new PendingStart(rs.getLong("id"), rs.getString("ticket_number"), "CLOSED".equals(rs.getString("status"))),
                limit);
    }

    long pendingStartCount() {
        return jdbc.queryForObject("select count(*) from ticket where process_pending = true", Long.class);
    }

    void startsDone(Collection<Long> ticketIds) {
        named.update("update ticket set process_pending = false where id in (:ids)", Map.of("ids", ticketIds));
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
