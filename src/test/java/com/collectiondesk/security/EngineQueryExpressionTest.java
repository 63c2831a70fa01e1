package com.collectiondesk.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.collectiondesk.support.TestUsers;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.history.HistoricProcessInstanceQuery;
import org.camunda.bpm.engine.history.HistoricTaskInstanceQuery;
import org.camunda.bpm.engine.impl.AbstractQuery;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.task.TaskQuery;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The fix inside the engine: no expression enters an ad-hoc query through the Java API either, in any or-query,
 * nor the query that extends a saved filter; saved filters keep Tasklist's expressions, or-queries included.
 */
@SecurityIntegrationTest
class EngineQueryExpressionTest {

    /** One way into the engine with an expression, and the criterion the refusal must name. */
    record JavaApiCase(String name, Function<EngineQueryExpressionTest, Object> run, String refusal) {
        @Override
        public String toString() {
            return name;
        }
    }

    static final String PROBE = ExpressionProbe.EXPRESSION;

    @LocalServerPort
    int port;

    @Autowired
    ProcessEngine processEngine;
    @Autowired
    TaskService taskService;
    @Autowired
    HistoryService historyService;
    @Autowired
    FilterService filterService;
    @Autowired
    IdentityService identityService;
    @Autowired
    RepositoryService repositoryService;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    ExpressionProbe probe;

    String filterId;

    static List<JavaApiCase> javaApiCases() {
        return List.of(
                new JavaApiCase("or-query assignee expression, list()",
                        t -> t.orWith(q -> q.taskAssigneeExpression(PROBE)).list(), refusal("taskAssignee", " of or-query 1")),
                new JavaApiCase("or-query due-after expression, count()",
                        t -> t.orWith(q -> q.dueAfterExpression(PROBE)).count(), refusal("dueAfter", " of or-query 1")),
                new JavaApiCase("second or-query, listPage()",
                        t -> t.taskService.createTaskQuery().or().taskAssignee("a").endOr()
                                .or().followUpBeforeExpression(PROBE).endOr().listPage(0, 5),
                        refusal("followUpBefore", " of or-query 2")),
                new JavaApiCase("or-query candidate-group expression, singleResult()",
                        t -> t.orWith(q -> q.taskCandidateGroupExpression(PROBE)).singleResult(),
                        refusal("taskCandidateGroup", " of or-query 1")),
                new JavaApiCase("or-query owner expression, unlimitedList()",
                        t -> t.orWith(q -> q.taskOwnerExpression(PROBE)).unlimitedList(), refusal("taskOwner", " of or-query 1")),
                new JavaApiCase("or-query nested in an or-query, as the REST API builds nested orQueries",
                        t -> {
                            TaskQueryImpl nested = new TaskQueryImpl();
                            nested.setOrQueryActive();
                            nested.dueAfterExpression(PROBE);
                            TaskQueryImpl orQuery = new TaskQueryImpl();
                            orQuery.setOrQueryActive();
                            orQuery.addOrQuery(nested);
                            TaskQueryImpl query = (TaskQueryImpl) t.taskService.createTaskQuery();
                            query.addOrQuery(orQuery);
                            return query.list();
                        }, refusal("dueAfter", " of or-query 1.1")),
                new JavaApiCase("top-level expression, list()",
                        t -> t.taskService.createTaskQuery().dueBeforeExpression(PROBE).list(), refusal("dueBefore", "")),
                new JavaApiCase("filter list() extended by an or-query expression",
                        t -> t.filterService.list(t.filterId, t.orWith(q -> q.dueAfterExpression(PROBE))),
                        refusal("dueAfter", " of or-query 1")),
                new JavaApiCase("filter listPage() extended by an or-query expression",
                        t -> t.filterService.listPage(t.filterId, t.orWith(q -> q.taskAssigneeExpression(PROBE)), 0, 5),
                        refusal("taskAssignee", " of or-query 1")),
                new JavaApiCase("filter count() extended by an or-query expression",
                        t -> t.filterService.count(t.filterId, t.orWith(q -> q.dueBeforeExpression(PROBE))),
                        refusal("dueBefore", " of or-query 1")),
                new JavaApiCase("filter singleResult() extended by a top-level expression",
                        t -> t.filterService.singleResult(t.filterId, t.taskService.createTaskQuery().taskOwnerExpression(PROBE)),
                        refusal("taskOwner", "")),
                new JavaApiCase("historic task query carrying an expression",
                        t -> t.withExpression(t.historyService.createHistoricTaskInstanceQuery()).list(),
                        refusal("taskAssignee", "")),
                new JavaApiCase("historic task or-query carrying an expression",
                        t -> {
                            HistoricTaskInstanceQuery query = t.historyService.createHistoricTaskInstanceQuery();
                            t.withExpression(query.or()).endOr();
                            return query.count();
                        }, refusal("taskAssignee", " of or-query 1")),
                new JavaApiCase("historic process-instance or-query carrying an expression",
                        t -> {
                            HistoricProcessInstanceQuery query = t.historyService.createHistoricProcessInstanceQuery();
                            t.withExpression(query.or()).endOr();
                            return query.list();
                        }, refusal("taskAssignee", " of or-query 1")));
    }

    static String refusal(String criterion, String where) {
        return "Ad-hoc queries may not carry expressions, or-queries included: criterion '" + criterion + "'" + where
                + " holds one. Use a saved filter with Tasklist's expressions instead.";
    }

    @BeforeEach
    void filterAndUser() {
        TestUsers.ensure(identityService, "engine-collector", Groups.COLLECTORS);
        filterId = filterService.saveFilter(filterService.newTaskFilter("engine-test")
                .setQuery(taskService.createTaskQuery().taskAssigneeExpression("${currentUser()}"))).getId();
    }

    @AfterEach
    void removeFilter() {
        identityService.clearAuthentication();
        filterService.deleteFilter(filterId);
    }

    @ParameterizedTest(name = "{index}: {0}")
    @MethodSource("javaApiCases")
    void isRefusedByTheEngineAndNothingIsEvaluated(JavaApiCase refused) {
        int before = probe.evaluations();

        assertThatThrownBy(() -> refused.run().apply(this))
                .isInstanceOf(BadUserRequestException.class)
                .hasMessage(refused.refusal());
        assertThat(probe.evaluations()).isEqualTo(before);
    }

    @Test
    void plainOrQueriesStillWorkInJavaAndOverRest() {
        repositoryService.createDeployment().name("engine-or-test").addClasspathResource("security/user-task.bpmn").deploy();
        String mine = runtimeService.startProcessInstanceByKey("securityUserTask", Map.of("assignee", "engine-collector")).getId();

        List<Task> viaJava = taskService.createTaskQuery().processInstanceId(mine)
                .or().taskAssignee("engine-collector").taskCandidateGroup("nobody").endOr().list();
        assertThat(viaJava).extracting(Task::getProcessInstanceId).containsExactly(mine);

        HttpResponse<String> viaRest = SecurityHttp.basic(port, "engine-collector", TestUsers.PASSWORD).postJson("/engine-rest/task?maxResults=10",
                "{\"processInstanceId\":\"" + mine + "\",\"orQueries\":[{\"assignee\":\"engine-collector\",\"candidateGroup\":\"nobody\"}]}");
        assertThat(viaRest.statusCode()).as(viaRest.body()).isEqualTo(200);
        assertThat(viaRest.body()).contains(mine);
    }

    @Test
    void savedFiltersKeepTasklistExpressionsInTheirOrQueries() {
        repositoryService.createDeployment().name("engine-filter-test").addClasspathResource("security/user-task.bpmn").deploy();
        String mine = runtimeService.startProcessInstanceByKey("securityUserTask", Map.of("assignee", "engine-collector")).getId();
        // The owner may read the filter, as in Tasklist
        Filter filter = filterService.saveFilter(filterService.newTaskFilter("engine-or-filter").setOwner("engine-collector")
                .setQuery(taskService.createTaskQuery().or().taskAssigneeExpression("${currentUser()}")
                        .dueBeforeExpression("${dateTime().plusDays(1).toDate()}").endOr()));
        try {
            identityService.setAuthenticatedUserId("engine-collector");

            List<Task> tasks = filterService.listPage(filter.getId(), taskService.createTaskQuery().processInstanceId(mine), 0, 10);

            assertThat(tasks).extracting(Task::getProcessInstanceId).containsExactly(mine);
            assertThat(filterService.count(filter.getId())).isGreaterThanOrEqualTo(1);
        } finally {
            identityService.clearAuthentication();
            filterService.deleteFilter(filter.getId());
        }
    }

    private TaskQuery orWith(Function<TaskQuery, TaskQuery> criterion) {
        return criterion.apply(taskService.createTaskQuery().or()).endOr();
    }

    /** AbstractQuery#addExpression is public: a Java caller can hang an expression on any query. */
    private <Q> Q withExpression(Q query) {
        ((AbstractQuery<?, ?>) query).addExpression("taskAssignee", PROBE);
        return query;
    }
}
