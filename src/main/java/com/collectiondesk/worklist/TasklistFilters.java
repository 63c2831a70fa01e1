package com.collectiondesk.worklist;

import static com.collectiondesk.security.Groups.COLLECTORS;
import static com.collectiondesk.security.Groups.DISPUTES;
import static com.collectiondesk.security.Groups.MANAGERS;

import com.collectiondesk.ticket.TicketProcess;
import java.util.List;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.task.TaskQuery;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Creates the collectors' Tasklist filters at start, or updates them in place (a filter is known by its name).
 * Nodes take a row lock first, so two nodes starting together never create a filter twice. Runs without a
 * user (as the system); the filters use only Tasklist's own expressions, which the saved-filter rule allows.
 */
@Component
public class TasklistFilters {

    public static final String MY_TASKS = "My tasks";
    public static final String CALLS_DUE_TODAY = "Calls due today";
    static final String UNASSIGNED_CALLS = "Unassigned calls";
    static final String DISPUTE_TASKS = "Disputes";
    static final String ESCALATIONS = "Escalations";

    private static final Logger LOG = LoggerFactory.getLogger(TasklistFilters.class);
    private static final String END_OF_TODAY = "${dateTime().withTimeAtStartOfDay().plusDays(1).toDate()}";

    private final FilterService filters;
    private final TaskService tasks;
    private final AuthorizationService authorizations;
    private final TransactionTemplate transaction;
    private final JdbcTemplate jdbc;

    TasklistFilters(FilterService filters, TaskService tasks, AuthorizationService authorizations,
                    TransactionTemplate transaction, JdbcTemplate jdbc) {
        this.filters = filters;
        this.tasks = tasks;
        this.authorizations = authorizations;
        this.transaction = transaction;
        this.jdbc = jdbc;
    }

    List<TasklistFilter> definitions() {
        return List.of(
                new TasklistFilter(MY_TASKS, "Tasks assigned to me, most urgent first", -10,
                        q -> q.taskAssigneeExpression("${currentUser()}").orderByTaskPriority().desc().orderByDueDate().asc(),
                        List.of(COLLECTORS, DISPUTES, MANAGERS)),
                // Tasklist's list applies its own sort, not the filter's: a call that cannot be made now is left out
                // (until its window opens) rather than sorted last; My tasks and Unassigned calls still list it
                new TasklistFilter(CALLS_DUE_TODAY, "Calls due today or earlier, highest priority first", -5,
                        q -> calls(q).includeAssignedTasks().dueBeforeExpression(END_OF_TODAY)
                                .taskVariableValueEquals(TicketProcess.CALLABLE_NOW, true)
                                .orderByTaskPriority().desc().orderByDueDate().asc(),
                        List.of(COLLECTORS, MANAGERS)),
                new TasklistFilter(UNASSIGNED_CALLS, "Calls nobody has claimed yet", 0,
                        q -> calls(q).taskUnassigned().orderByTaskPriority().desc().orderByDueDate().asc(),
                        List.of(COLLECTORS, MANAGERS)),
                new TasklistFilter(DISPUTE_TASKS, "Disputes to resolve", 5,
                        q -> q.taskCandidateGroup(DISPUTES).includeAssignedTasks()
                                .taskDefinitionKey(TicketProcess.RESOLVE_DISPUTE).orderByDueDate().asc(),
                        List.of(DISPUTES, MANAGERS)),
                new TasklistFilter(ESCALATIONS, "Tickets whose strategy is used up: agency, legal, write-off or a harder strategy", 10,
                        q -> q.taskCandidateGroup(MANAGERS).includeAssignedTasks()
                                .taskDefinitionKey(TicketProcess.REVIEW_ESCALATION).orderByDueDate().asc(),
                        List.of(MANAGERS)));
    }

    private static TaskQuery calls(TaskQuery query) {
        return query.taskCandidateGroup(COLLECTORS).taskDefinitionKey(TicketProcess.CALL_DEBTOR);
    }

    @EventListener(ApplicationReadyEvent.class)
    void createOrUpdate() {
        transaction.executeWithoutResult(status -> {
            jdbc.queryForList("select id from worklist_setup_lock where id = 'tasklist-filters' for update");
            definitions().forEach(this::save);
        });
        LOG.info("Tasklist filters ready: {}", definitions().stream().map(TasklistFilter::name).toList());
    }

    private void save(TasklistFilter definition) {
        List<Filter> existing = filters.createTaskFilterQuery().filterName(definition.name()).list();
        Filter filter = existing.isEmpty() ? filters.newTaskFilter(definition.name()) : existing.get(0);
        filter.setQuery(definition.query().apply(tasks.createTaskQuery()));
        filter.setProperties(definition.properties());
        filters.saveFilter(filter);
        for (String group : definition.groups()) {
            if (authorizations.createAuthorizationQuery().resourceType(Resources.FILTER).resourceId(filter.getId())
                    .groupIdIn(group).count() == 0) {
                Authorization grant = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
                grant.setGroupId(group);
                grant.setResource(Resources.FILTER);
                grant.setResourceId(filter.getId());
                grant.addPermission(Permissions.READ);
                authorizations.saveAuthorization(grant);
            }
        }
    }
}
