package com.collectiondesk.report;

import java.sql.Timestamp;
import java.util.Date;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Task facts per assignee from the report's own {@code report_task_fact} (kept by {@link TaskFactKeeper}): open
 * tasks (and how many are past due) and tasks completed in a time range with their average duration. Counted for
 * every collector whoever asks: who may read the report is decided by {@link ReportsApi}.
 */
@Component
class AssigneeTaskFacts {

    /** Open tasks of one assignee; {@code overdue}: due before now. */
    record Open(long tasks, long overdue) {
    }

    /** Tasks an assignee completed; {@code averageMillis} null when none has a duration. */
    record Completed(long tasks, Double averageMillis) {
    }

    private final NamedParameterJdbcTemplate jdbc;

    AssigneeTaskFacts(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Per assignee with open tasks; {@code assignee} null: everyone. */
    Map<String, Open> open(Date now, String assignee) {
        Map<String, Open> open = new TreeMap<>();
        jdbc.query("select assignee, count(*) as tasks, sum(case when due_at < :now then 1 else 0 end) as overdue"
                        + " from report_task_fact where ended_at is null and assignee is not null"
                        + (assignee == null ? "" : " and assignee = :assignee") + " group by assignee",
                new MapSqlParameterSource("now", new Timestamp(now.getTime())).addValue("assignee", assignee),
                rs -> {
                    open.put(rs.getString("assignee"), new Open(rs.getLong("tasks"), rs.getLong("overdue")));
                });
        return open;
    }

    /** Per assignee: tasks completed (not deleted or cancelled) from {@code start} (included) to {@code end} (excluded). */
    Map<String, Completed> completed(Timestamp start, Timestamp end, String assignee) {
        Map<String, Completed> completed = new TreeMap<>();
        jdbc.query("select assignee, count(*) as tasks, count(duration_ms) as timed, sum(duration_ms) as total"
                        + " from report_task_fact where end_reason = 'completed' and ended_at >= :start and ended_at < :end"
                        + " and assignee is not null" + (assignee == null ? "" : " and assignee = :assignee")
                        + " group by assignee",
                new MapSqlParameterSource("start", start).addValue("end", end).addValue("assignee", assignee), rs -> {
                    long timed = rs.getLong("timed");
                    completed.put(rs.getString("assignee"), new Completed(rs.getLong("tasks"),
                            timed == 0 ? null : (double) rs.getLong("total") / timed));
                });
        return completed;
    }
}
