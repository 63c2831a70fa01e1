package com.collectiondesk.report;

import com.collectiondesk.security.Groups;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Supplier;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.history.HistoricTaskInstanceQuery;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.task.TaskQuery;
import org.springframework.stereotype.Component;

/**
 * Task facts per assignee through the engine's typed query API, never its tables: open tasks (and how many are past
 * due) and tasks completed in a time range with their average duration. Counted for every collector whoever asks:
 * who may read the report is decided by {@link ReportsApi}, so the caller's own task grants must not narrow the figures.
 */
@Component
class EngineTaskFacts {

    /** Open tasks of one assignee; {@code overdue}: due before now. */
    record Open(long tasks, long overdue) {
    }

    /** Tasks an assignee completed; {@code averageMillis} null when none has a duration. */
    record Completed(long tasks, Double averageMillis) {
    }

    private final TaskService tasks;
    private final HistoryService history;
    private final IdentityService identity;

    EngineTaskFacts(TaskService tasks, HistoryService history, IdentityService identity) {
        this.tasks = tasks;
        this.history = history;
        this.identity = identity;
    }

    /**
     * Per assignee with open tasks; {@code assignee} null: everyone. The engine's API cannot group, and loading every
     * open task is slow at scale (100,000 tasks: about 10 s), so the {@code likely} assignees (collectors, and whoever
     * else the report already has a line for) are counted one by one, and only the tasks of anyone else are loaded.
     */
    Map<String, Open> open(Date now, String assignee, Collection<String> likely) {
        return unrestricted(() -> {
            Map<String, Open> open = new TreeMap<>();
            Set<String> counted = new TreeSet<>(assignee == null ? likely : List.of(assignee));
            counted.addAll(assignee == null ? collectors() : List.of());
            for (String who : counted) {
                long all = openTasks(who).count();
                if (all > 0) {
                    open.put(who, new Open(all, openTasks(who).dueBefore(now).count()));
                }
            }
            if (assignee != null) {
                return open;
            }
            TaskQuery others = openTasks(null);
            for (Task task : (counted.isEmpty() ? others : others.taskAssigneeNotIn(counted.toArray(String[]::new))).list()) {
                boolean overdue = task.getDueDate() != null && task.getDueDate().before(now);
                open.merge(task.getAssignee(), new Open(1, overdue ? 1 : 0),
                        (a, b) -> new Open(a.tasks() + b.tasks(), a.overdue() + b.overdue()));
            }
            return open;
        });
    }

    private List<String> collectors() {
        return identity.createUserQuery().memberOfGroup(Groups.COLLECTORS).list().stream().map(User::getId).toList();
    }

    /** Per assignee: tasks completed (not deleted or cancelled) from {@code start} (included) to {@code end} (excluded). */
    Map<String, Completed> completed(Date start, Date end, String assignee) {
        return unrestricted(() -> {
            HistoricTaskInstanceQuery query = history.createHistoricTaskInstanceQuery().finished()
                    .taskDeleteReason("completed").finishedAfter(start).finishedBefore(end);
            List<HistoricTaskInstance> done = (assignee == null ? query.taskAssigned() : query.taskAssignee(assignee)).list();
            Map<String, long[]> sums = new TreeMap<>();   // assignee → tasks, tasks with a duration, Σ duration
            for (HistoricTaskInstance task : done) {
                if (!task.getEndTime().before(end)) {
                    continue;   // finishedBefore includes the end instant; the period does not
                }
                long[] sum = sums.computeIfAbsent(task.getAssignee(), a -> new long[3]);
                sum[0]++;
                if (task.getDurationInMillis() != null) {
                    sum[1]++;
                    sum[2] += task.getDurationInMillis();
                }
            }
            Map<String, Completed> completed = new TreeMap<>();
            sums.forEach((who, sum) -> completed.put(who, new Completed(sum[0], sum[1] == 0 ? null : (double) sum[2] / sum[1])));
            return completed;
        });
    }

    private TaskQuery openTasks(String assignee) {
        TaskQuery query = tasks.createTaskQuery();
        return assignee == null ? query.taskAssigned() : query.taskAssignee(assignee);
    }

    /** Runs the queries without the caller's authentication, so the engine applies no task authorizations. */
    private <T> T unrestricted(Supplier<T> queries) {
        Authentication caller = identity.getCurrentAuthentication();
        if (caller == null) {
            return queries.get();
        }
        identity.clearAuthentication();
        try {
            return queries.get();
        } finally {
            identity.setAuthentication(caller);
        }
    }
}
