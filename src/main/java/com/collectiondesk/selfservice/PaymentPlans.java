package com.collectiondesk.selfservice;

import com.collectiondesk.ledger.LedgerQueries;
import com.collectiondesk.system.BusinessClock;
import com.collectiondesk.ticket.Ticket;
import com.collectiondesk.ticket.TicketCommands;
import com.collectiondesk.ticket.TicketProcess;
import com.collectiondesk.ticket.TicketService;
import com.collectiondesk.ticket.Timeline;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Payment plans asked for on the page: stored with their instalments and what the self-service policy said, then
 * followed by bpmn/payment-plan.bpmn (business key = ticket number), which approves a plan inside the policy at once
 * and gives the others to the ticket's owner as a task. Only a ticket whose strategy runs takes a plan, as for promises.
 */
@Service
@Transactional
class PaymentPlans {

    static final String PROCESS = "payment-plan";
    static final String PLAN_ID = "planId";
    static final String INSIDE_POLICY = "insidePolicy";
    static final String PLAN_SUMMARY = "planSummary";
    static final String POLICY_NOTE = "policyNote";
    static final String DECIDE_TASK = "decide-payment-plan";

    enum Status { REQUESTED, ACTIVE, KEPT, BROKEN, REFUSED, CANCELLED }

    enum Result { APPROVED, SENT_TO_OWNER }

    record Plan(long id, long ticketId, long customerPk, BigDecimal total, String currency, int count, LocalDate firstDate,
                Status status, LocalDate requestedOn, BigDecimal paidBefore, String policyNote) {

        String summary() {
            return count + " monthly instalments of the " + total + " " + currency + " due, the first by " + firstDate;
        }
    }

    record Instalment(int number, LocalDate dueDate, BigDecimal amount, BigDecimal cumulative, String status) {
    }

    private static final String PLAN_COLUMNS = "id, ticket_fk, customer_fk, total, currency, instalments, first_date, status,"
            + " requested_on, paid_before, policy_note";
    private static final RowMapper<Plan> PLAN = (row, n) -> new Plan(row.getLong(1), row.getLong(2), row.getLong(3),
            row.getBigDecimal(4), row.getString(5), row.getInt(6), row.getObject(7, LocalDate.class), Status.valueOf(row.getString(8)),
            row.getObject(9, LocalDate.class), row.getBigDecimal(10), row.getString(11));

    private final JdbcTemplate jdbc;
    private final PlanPolicy policy;
    private final TicketCommands ticketCommands;
    private final TicketService tickets;
    private final Timeline timeline;
    private final BusinessClock clock;
    private final RuntimeService runtime;
    private final TaskService tasks;
    private final LedgerQueries ledger;

    PaymentPlans(JdbcTemplate jdbc, PlanPolicy policy, TicketCommands ticketCommands, TicketService tickets, Timeline timeline,
                 BusinessClock clock, RuntimeService runtime, TaskService tasks, LedgerQueries ledger) {
        this.ledger = ledger;
        this.jdbc = jdbc;
        this.policy = policy;
        this.ticketCommands = ticketCommands;
        this.tickets = tickets;
        this.timeline = timeline;
        this.clock = clock;
        this.runtime = runtime;
        this.tasks = tasks;
    }

    /**
     * The debtor's request: refused with a conflict (nothing stored) unless the ticket's strategy runs and no other
     * plan is open on it; else stored, on the timeline "by the debtor", and handed to the plan's process.
     */
    Result request(DebtorLink link, DebtorAccount account, int count, LocalDate firstDate) {
        Ticket ticket = ticketCommands.expecting(account.ticketNumber(), TicketProcess.MSG_PLAN_AGREED, "a payment plan");
        if (open(ticket.getId()).isPresent()) {
            throw new com.collectiondesk.ticket.TicketConflictException("Ticket " + ticket.getTicketNumber()
                    + " already has a payment plan asked for or running.");
        }
        PlanSchedule schedule = PlanSchedule.of(account.totalDue(), account.currency(), count, firstDate);
        PlanPolicy.Verdict verdict = policy.judge(account.segment(), schedule, clock.today());
        long planId = store(link, schedule, verdict);
        timeline.record(ticket, "SELF_SERVICE_PLAN_REQUEST", "Asked on the self-service page for a payment plan: "
                + plan(planId).summary() + "; " + verdict.note(), SelfServicePage.BY_THE_DEBTOR);
        Map<String, Object> variables = new HashMap<>();
        variables.put(PLAN_ID, planId);
        variables.put(INSIDE_POLICY, verdict.inside());
        variables.put(PLAN_SUMMARY, plan(planId).summary() + ": " + describe(instalments(planId), account.currency()));
        variables.put(POLICY_NOTE, verdict.note());
        String instance = runtime.startProcessInstanceByKey(PROCESS, ticket.getTicketNumber(), variables).getId();
        if (ticket.getOwner() != null) {
            tasks.createTaskQuery().processInstanceId(instance).list().forEach(task -> tasks.setAssignee(task.getId(), ticket.getOwner()));
        }
        return plan(planId).status() == Status.ACTIVE ? Result.APPROVED : Result.SENT_TO_OWNER;
    }

    /** The ticket's plan that is asked for or running, if any. */
    Optional<Plan> open(long ticketId) {
        return jdbc.query("select " + PLAN_COLUMNS + " from self_service_plan where ticket_fk = ? and status in ('REQUESTED', 'ACTIVE')",
                PLAN, ticketId).stream().findFirst();
    }

    /** The missed instalment of the ticket's last plan, when that plan broke. */
    Optional<Instalment> lastMissed(long ticketId) {
        return jdbc.query("select i.number, i.due_date, i.amount, i.cumulative, i.status from self_service_plan_instalment i"
                + " join self_service_plan p on p.id = i.plan_fk where p.id = (select max(id) from self_service_plan where ticket_fk = ?)"
                + " and p.status = 'BROKEN' and i.status = 'MISSED'", (row, n) -> new Instalment(row.getInt(1),
                row.getObject(2, LocalDate.class), row.getBigDecimal(3), row.getBigDecimal(4), row.getString(5)), ticketId)
                .stream().findFirst();
    }

    /** The customer's running plans in one currency: a payment may pay their instalments. */
    List<Plan> activeOf(long customerPk, String currency) {
        return jdbc.query("select " + PLAN_COLUMNS + " from self_service_plan where customer_fk = ? and currency = ? and status = 'ACTIVE'",
                PLAN, customerPk, currency);
    }

    /** What the ledger's payments on the ticket paid towards the plan since it was asked for. */
    BigDecimal paidTowards(Plan plan) {
        return ledger.paidSince(plan.customerPk(), plan.currency(), plan.requestedOn()).subtract(plan.paidBefore());
    }

    Plan plan(long planId) {
        return jdbc.queryForObject("select " + PLAN_COLUMNS + " from self_service_plan where id = ?", PLAN, planId);
    }

    List<Instalment> instalments(long planId) {
        return jdbc.query("select number, due_date, amount, cumulative, status from self_service_plan_instalment where plan_fk = ?"
                + " order by number", (row, n) -> new Instalment(row.getInt(1), row.getObject(2, LocalDate.class), row.getBigDecimal(3),
                row.getBigDecimal(4), row.getString(5)), planId);
    }

    /** Moves the plan on from one of {@code from}; answers whether it was there (a plan ends once). */
    boolean decide(long planId, Status to, String by, Status... from) {
        String statuses = String.join(", ", java.util.Arrays.stream(from).map(s -> "'" + s.name() + "'").toList());
        return jdbc.update("update self_service_plan set status = ?, decided_at = coalesce(decided_at, ?), decided_by = coalesce(?, decided_by)"
                + " where id = ? and status in (" + statuses + ")", to.name(), Timestamp.from(clock.now()), by, planId) == 1;
    }

    void settleInstalment(long planId, int number, String status) {
        jdbc.update("update self_service_plan_instalment set status = ?, settled_at = ? where plan_fk = ? and number = ? and status = 'PENDING'",
                status, Timestamp.from(clock.now()), planId, number);
    }

    static String describe(List<Instalment> instalments, String currency) {
        return String.join(", ", instalments.stream().map(i -> i.amount() + " " + currency + " by " + i.dueDate()).toList());
    }

    private long store(DebtorLink link, PlanSchedule schedule, PlanPolicy.Verdict verdict) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.update(connection -> {
            var insert = connection.prepareStatement("insert into self_service_plan (link_fk, ticket_fk, customer_fk, total, currency,"
                    + " instalments, first_date, status, inside_policy, policy_note, requested_at, requested_on, paid_before)"
                    + " values (?, ?, ?, ?, ?, ?, ?, 'REQUESTED', ?, ?, ?, ?, ?)", new String[] {"id"});
            insert.setLong(1, link.id());
            insert.setLong(2, link.ticketId());
            insert.setLong(3, link.customerPk());
            insert.setBigDecimal(4, schedule.total());
            insert.setString(5, schedule.currency());
            insert.setInt(6, schedule.instalments().size());
            insert.setObject(7, schedule.firstDate());
            insert.setBoolean(8, verdict.inside());
            insert.setString(9, abbreviate(verdict.note()));
            insert.setTimestamp(10, Timestamp.from(clock.now()));
            insert.setObject(11, clock.today());
            insert.setBigDecimal(12, ledger.paidSince(link.customerPk(), schedule.currency(), clock.today()));
            return insert;
        }, key);
        long planId = key.getKey().longValue();
        for (PlanSchedule.Instalment instalment : schedule.instalments()) {
            jdbc.update("insert into self_service_plan_instalment (plan_fk, number, due_date, amount, cumulative, status)"
                    + " values (?, ?, ?, ?, ?, 'PENDING')", planId, instalment.number(), instalment.dueDate(), instalment.amount(),
                    instalment.cumulative());
        }
        return planId;
    }

    private static String abbreviate(String text) {
        return text.length() <= 500 ? text : text.substring(0, 497) + "...";
    }
}
