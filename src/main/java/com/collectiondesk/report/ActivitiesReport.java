package com.collectiondesk.report;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Per collector for a period: tasks open now (and how many past their due date), tasks completed and their
 * average completion time (the report's own task facts, {@link AssigneeTaskFacts}), contacts by channel, conversations
 * (the debtor was reached: REACHED, PROMISE, DISPUTE or REFUSED), promises obtained, promise-kept rate of their
 * promises due in the period, and amounts paid (per currency) on tickets they own.
 */
@Component
class ActivitiesReport {

    static final List<String> TASK_COLUMNS = List.of("tasksOpen", "tasksOverdue", "tasksCompleted");
    static final List<String> CONVERSATION_OUTCOMES = List.of("REACHED", "PROMISE", "DISPUTE", "REFUSED");

    private final NamedParameterJdbcTemplate jdbc;
    private final AssigneeTaskFacts tasks;
    private final BusinessCalendar calendar;

    ActivitiesReport(NamedParameterJdbcTemplate jdbc, AssigneeTaskFacts tasks, BusinessCalendar calendar) {
        this.jdbc = jdbc;
        this.tasks = tasks;
        this.calendar = calendar;
    }

    /**
     * {@code collector} null: everyone. For some entities only, the contacts, promises and payments are those of their
     * tickets; the task figures (the report's task facts know no ticket) are left out rather than shown for all.
     */
    ReportTable run(Period period, String collector, EntityFilter.Coverage coverage) {
        Timestamp start = calendar.startOf(period.from());
        Timestamp end = calendar.endOf(period.to());
        MapSqlParameterSource parameters = coverage.addTo(new MapSqlParameterSource("start", start).addValue("end", end)
                .addValue("from", period.from()).addValue("to", period.to())
                .addValue("conversations", CONVERSATION_OUTCOMES).addValue("collector", collector));
        String only = collector == null ? "" : " and %s = :collector";
        String ofTicket = coverage.ticket("ticket_fk");
        Map<String, Map<String, Object>> rows = new TreeMap<>();
        TreeSet<String> channels = new TreeSet<>();
        TreeSet<String> currencies = new TreeSet<>();

        (coverage.everyEntity() ? tasks.completed(start, end, collector) : Map.<String, AssigneeTaskFacts.Completed>of())
                .forEach((assignee, completed) -> {
            Map<String, Object> row = row(rows, assignee);
            row.put("tasksCompleted", completed.tasks());
            row.put("averageCompletionHours", completed.averageMillis() == null ? null
                    : Amounts.oneDecimal(completed.averageMillis() / 3_600_000d));
        });
        jdbc.query("select author, channel, count(*) as contacts, sum(case when outcome in (:conversations) then 1 else 0 end)"
                + " as conversations from rv_contact_attempt where at >= :start and at < :end and author is not null"
                + only.formatted("author") + ofTicket + " group by author, channel", parameters, rs -> {
                    Map<String, Object> row = row(rows, rs.getString("author"));
                    channels.add(rs.getString("channel"));
                    row.merge("contacts_" + rs.getString("channel"), rs.getLong("contacts"), (a, b) -> (Long) a + (Long) b);
                    row.merge("conversations", rs.getLong("conversations"), (a, b) -> (Long) a + (Long) b);
                });
        jdbc.query("select author, count(*) as promises from rv_promise where created_at >= :start and created_at < :end"
                + " and author is not null" + only.formatted("author") + ofTicket + " group by author", parameters, rs -> {
                    row(rows, rs.getString("author")).put("promisesObtained", rs.getLong("promises"));
                });
        jdbc.query("select author, sum(kept) as kept, count(*) as judged from rv_promise"
                + " where promised_date >= :from and promised_date <= :to and judged = 1"
                + " and author is not null" + only.formatted("author") + ofTicket + " group by author", parameters, rs -> {
                    row(rows, rs.getString("author")).put("promiseKeptRate",
                            Amounts.percent(rs.getLong("kept"), rs.getLong("judged")));
                });
        jdbc.query("""
                select t.owner, t.currency, sum(a.amount) as collected
                from rv_ticket_payment a join rv_ticket t on t.id = a.ticket_fk
                where a.paid_on >= :from and a.paid_on <= :to and a.paid_on >= t.opened_on and t.owner is not null"""
                + only.formatted("t.owner") + coverage.entity("t.legal_entity") + " group by t.owner, t.currency", parameters, rs -> {
                    currencies.add(rs.getString("currency"));
                    row(rows, rs.getString("owner")).put("collected_" + rs.getString("currency"),
                            Amounts.money(rs.getBigDecimal("collected")));
                });

        (coverage.everyEntity() ? tasks.open(calendar.now(), collector) : Map.<String, AssigneeTaskFacts.Open>of())
                .forEach((assignee, open) -> {
            Map<String, Object> row = row(rows, assignee);
            row.put("tasksOpen", open.tasks());
            row.put("tasksOverdue", open.overdue());
        });

        List<String> columns = new ArrayList<>(List.of("collector", "tasksOpen", "tasksOverdue", "tasksCompleted",
                "averageCompletionHours"));
        channels.forEach(channel -> columns.add("contacts_" + channel));
        columns.addAll(List.of("conversations", "promisesObtained", "promiseKeptRate"));
        currencies.forEach(currency -> columns.add("collected_" + currency));
        ReportTable.Builder table = ReportTable.named("activities").parameter("from", period.from())
                .parameter("to", period.to()).parameter("collector", collector)
                .parameter("legalEntity", coverage.describe()).columns(columns);
        for (Map<String, Object> row : rows.values()) {
            Map<String, Object> complete = new LinkedHashMap<>();
            for (String column : columns) {
                Object value = row.get(column);
                boolean leftOut = !coverage.everyEntity() && TASK_COLUMNS.contains(column);
                complete.put(column, value != null || isRate(column) || leftOut ? value
                        : column.startsWith("collected_") ? Amounts.money(BigDecimal.ZERO) : 0L);
            }
            table.row(complete);
        }
        return table.build();
    }

    private static boolean isRate(String column) {
        return column.equals("promiseKeptRate") || column.equals("averageCompletionHours") || column.equals("collector");
    }

    private static Map<String, Object> row(Map<String, Map<String, Object>> rows, String collector) {
        return rows.computeIfAbsent(collector, c -> {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("collector", c);
            return row;
        });
    }

}
