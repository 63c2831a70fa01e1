package com.collectiondesk.report;

import java.sql.Timestamp;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.impl.history.event.HistoricTaskInstanceEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Keeps {@code report_task_fact} from the engine's task history events (created, assigned or re-dated, completed,
 * deleted), in the engine's own transaction, so the activities report groups its task figures in SQL instead of
 * loading every task through the engine's query API. Installed by {@link TaskFactsPlugin}; needs history level
 * {@code activity} or higher (the shipped level is {@code full}).
 */
@Component
class TaskFactKeeper implements HistoryEventHandler {

    /** One task's fact, as the keeper and {@link TaskFactBackfill} write it. */
    static final String INSERT = "insert into report_task_fact (task_id, assignee, created_at, due_at, ended_at,"
            + " end_reason, duration_ms) values (?, ?, ?, ?, ?, ?, ?)";

    private final JdbcTemplate jdbc;

    TaskFactKeeper(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void handleEvent(HistoryEvent event) {
        if (event instanceof HistoricTaskInstanceEventEntity task) {
            keep(task);
        }
    }

    @Override
    public void handleEvents(List<HistoryEvent> events) {
        events.forEach(this::handleEvent);
    }

    /**
     * Every task event (created, updated, completed, deleted, migrated) carries the task's whole state: update the row,
     * or insert it if there is none yet (the engine may announce one creation twice; a task older than the table).
     */
    private void keep(HistoricTaskInstanceEventEntity task) {
        boolean ended = task.getEndTime() != null;
        if (jdbc.update("update report_task_fact set assignee = ?, due_at = ?, ended_at = ?, end_reason = ?, duration_ms = ?"
                        + " where task_id = ?", task.getAssignee(), at(task.getDueDate()), at(task.getEndTime()),
                ended ? task.getDeleteReason() : null, ended ? duration(task) : null, task.getTaskId()) == 0) {
            insert(task);
        }
    }

    /** The end event names no start (the engine works the duration out in its own row): ours has it. */
    private Long duration(HistoricTaskInstanceEventEntity task) {
        if (task.getDurationInMillis() != null && task.getStartTime() != null) {
            return task.getDurationInMillis();
        }
        List<Timestamp> created = jdbc.queryForList("select created_at from report_task_fact where task_id = ?",
                Timestamp.class, task.getTaskId());
        return created.isEmpty() ? null : task.getEndTime().getTime() - created.get(0).getTime();
    }

    /** The whole fact as the event knows it. */
    private void insert(HistoricTaskInstanceEventEntity task) {
        Date created = task.getStartTime() != null ? task.getStartTime() : ClockUtil.getCurrentTime();
        jdbc.update(INSERT, row(task.getTaskId(), task.getAssignee(), created, task.getDueDate(), task.getEndTime(),
                task.getDeleteReason(), task.getStartTime() == null ? null : task.getDurationInMillis()));
    }

    /** The values of {@link #INSERT}; an open task keeps neither end reason nor duration. */
    static Object[] row(String taskId, String assignee, Date created, Date due, Date ended, String reason, Long duration) {
        return new Object[] {taskId, assignee, at(created), at(due), at(ended), ended == null ? null : reason,
                ended == null ? null : duration};
    }

    private static Timestamp at(Date date) {
        return date == null ? null : new Timestamp(date.getTime());
    }
}
