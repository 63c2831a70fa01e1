package com.collectiondesk.report;

import java.sql.Timestamp;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Once per database: copies the tasks the engine kept before {@code report_task_fact} existed (an upgrade) into it,
 * through the engine's history API, page by page, skipping tasks {@link TaskFactKeeper} already has. The marker row
 * is written only when every page is in, so a start that dies half-way copies the rest on the next start.
 */
@Component
class TaskFactBackfill {

    private static final Logger log = LoggerFactory.getLogger(TaskFactBackfill.class);
    private static final int PAGE = 1000;

    private final HistoryService history;
    private final NamedParameterJdbcTemplate jdbc;

    TaskFactBackfill(HistoryService history, NamedParameterJdbcTemplate jdbc) {
        this.history = history;
        this.jdbc = jdbc;
    }

    @EventListener(ApplicationReadyEvent.class)
    void copyTheEnginesEarlierTasks() {
        if (jdbc.getJdbcTemplate().queryForObject("select count(*) from report_task_fact_backfill", Integer.class) > 0) {
            return;
        }
        long copied = 0;
        List<HistoricTaskInstance> page;
        int first = 0;
        do {
            page = history.createHistoricTaskInstanceQuery().orderByTaskId().asc().listPage(first, PAGE);
            copied += copyMissing(page);
            first += PAGE;
        } while (page.size() == PAGE);
        try {
            jdbc.getJdbcTemplate().update("insert into report_task_fact_backfill (id, done_at) values (1, ?)",
                    new Timestamp(System.currentTimeMillis()));
        } catch (DuplicateKeyException anotherNodeFinishedFirst) {
            return;
        }
        if (copied > 0) {
            log.info("Report task facts: copied {} tasks the engine kept before this version", copied);
        }
    }

    private int copyMissing(List<HistoricTaskInstance> page) {
        if (page.isEmpty()) {
            return 0;
        }
        Set<String> present = new HashSet<>(jdbc.queryForList("select task_id from report_task_fact where task_id in (:ids)",
                new MapSqlParameterSource("ids", page.stream().map(HistoricTaskInstance::getId).toList()), String.class));
        List<Object[]> rows = page.stream().filter(task -> !present.contains(task.getId()))
                .map(task -> TaskFactKeeper.row(task.getId(), task.getAssignee(), task.getStartTime(), task.getDueDate(),
                        task.getEndTime(), task.getDeleteReason(), task.getDurationInMillis()))
                .toList();
        jdbc.getJdbcTemplate().batchUpdate(TaskFactKeeper.INSERT, rows);
        return rows.size();
    }
}
