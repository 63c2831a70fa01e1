package com.collectiondesk.selfservice;

import com.collectiondesk.ledger.LedgerCommands;
import com.collectiondesk.ledger.LedgerQueries;
import com.collectiondesk.system.BusinessClock;
import com.collectiondesk.ticket.Ticket;
import com.collectiondesk.ticket.TicketService;
import com.collectiondesk.ticket.Timeline;
import java.sql.Timestamp;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A phone or an e-mail the debtor corrects on the page. Never written to the ledger at once: it becomes the ticket
 * owner's task (bpmn/contact-correction.bpmn, its form shows the old and the new value); approved, the ledger's
 * customer changes through the ledger's own command (its checks; searches and open tasks follow); refused, nothing
 * changes. Each step is on the ticket's timeline.
 */
@Service
@Transactional
class ContactCorrections {

    static final String PROCESS = "contact-correction";
    static final String TASK = "confirm-contact-correction";
    static final String DECISION = "correctionDecision";
    static final String CORRECTION_ID = "correctionId";

    enum Field { PHONE, EMAIL }

    enum Decision { APPROVE, REFUSE }

    private record Pending(long id, long ticketId, long customerPk, Field field, String newValue, String status) {
    }

    private final JdbcTemplate jdbc;
    private final LedgerQueries ledgerQueries;
    private final LedgerCommands ledger;
    private final TicketService tickets;
    private final Timeline timeline;
    private final BusinessClock clock;
    private final RuntimeService runtime;
    private final TaskService tasks;

    ContactCorrections(JdbcTemplate jdbc, LedgerQueries ledgerQueries, LedgerCommands ledger, TicketService tickets,
                       Timeline timeline, BusinessClock clock, RuntimeService runtime, TaskService tasks) {
        this.jdbc = jdbc;
        this.ledgerQueries = ledgerQueries;
        this.ledger = ledger;
        this.tickets = tickets;
        this.timeline = timeline;
        this.clock = clock;
        this.runtime = runtime;
        this.tasks = tasks;
    }

    /** Stores the request and opens the owner's task (the collectors' when the ticket has no owner). */
    void request(DebtorLink link, Field field, String newValue) {
        Ticket ticket = tickets.get(link.ticketId());
        LedgerQueries.DebtorFacts debtor = ledgerQueries.debtor(link.customerPk());
        String oldValue = field == Field.PHONE ? debtor.phone() : debtor.email();
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.update(connection -> {
            var insert = connection.prepareStatement("insert into self_service_correction (ticket_fk, customer_fk, field, old_value,"
                    + " new_value, status, created_at) values (?, ?, ?, ?, ?, 'PENDING', ?)", new String[] {"id"});
            insert.setLong(1, link.ticketId());
            insert.setLong(2, link.customerPk());
            insert.setString(3, field.name());
            insert.setString(4, oldValue);
            insert.setString(5, newValue);
            insert.setTimestamp(6, Timestamp.from(clock.now()));
            return insert;
        }, key);
        long id = key.getKey().longValue();
        timeline.record(ticket, "CONTACT_CORRECTION", "Asked on the self-service page to correct the " + what(field)
                + "; waits for the owner's confirmation", SelfServicePage.BY_THE_DEBTOR);
        Map<String, Object> variables = new HashMap<>();
        variables.put(CORRECTION_ID, id);
        variables.put("ticketNumber", ticket.getTicketNumber());
        variables.put("debtorName", debtor.name());
        variables.put("correctionField", what(field));
        variables.put("correctionOld", oldValue == null ? "(none)" : oldValue);
        variables.put("correctionNew", newValue);
        String instance = runtime.startProcessInstanceByKey(PROCESS, ticket.getTicketNumber(), variables).getId();
        if (ticket.getOwner() != null) {
            tasks.createTaskQuery().processInstanceId(instance).list().forEach(task -> tasks.setAssignee(task.getId(), ticket.getOwner()));
        }
    }

    /** The owner's answer: approved, the ledger's contact point changes; refused, nothing does. Once only. */
    void decide(long correctionId, Decision decision, String decidedBy) {
        Pending pending = jdbc.query("select id, ticket_fk, customer_fk, field, new_value, status from self_service_correction"
                        + " where id = ? for update", (rs, row) -> new Pending(rs.getLong(1), rs.getLong(2), rs.getLong(3),
                        Field.valueOf(rs.getString(4)), rs.getString(5), rs.getString(6)), correctionId)
                .stream().findFirst().orElseThrow(() -> new IllegalStateException("No contact correction " + correctionId));
        if (!"PENDING".equals(pending.status())) {
            return;
        }
        if (decision == Decision.APPROVE) {
            ledger.correctContact(pending.customerPk(), pending.field() == Field.PHONE ? pending.newValue() : null,
                    pending.field() == Field.EMAIL ? pending.newValue() : null);
        }
        jdbc.update("update self_service_correction set status = ?, decided_at = ?, decided_by = ? where id = ?",
                decision == Decision.APPROVE ? "APPROVED" : "REFUSED", Timestamp.from(clock.now()), decidedBy, correctionId);
        timeline.record(tickets.get(pending.ticketId()), decision == Decision.APPROVE ? "CONTACT_CORRECTED" : "CONTACT_CORRECTION_REFUSED",
                (decision == Decision.APPROVE ? "Confirmed the debtor's new " : "Refused the debtor's new ") + what(pending.field()),
                decidedBy);
    }

    /** Whether a correction of this debtor waits for the owner (the page then takes no second one). */
    @Transactional(readOnly = true)
    boolean pending(long customerPk) {
        List<Long> waiting = jdbc.queryForList("select id from self_service_correction where customer_fk = ? and status = 'PENDING'",
                Long.class, customerPk);
        return !waiting.isEmpty();
    }

    private static String what(Field field) {
        return field == Field.PHONE ? "phone number" : "e-mail address";
    }
}
