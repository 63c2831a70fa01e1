package com.collectiondesk.security;

import static com.collectiondesk.security.AuthenticationTest.WEBAPP_ENGINE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.collectiondesk.support.TestUsers;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

@SecurityIntegrationTest
class SavedFilterTest {

    static final String TASKLIST_LIST_BODY = "{\"processVariables\":[],\"taskVariables\":[],\"caseInstanceVariables\":[],"
            + "\"sorting\":[{\"sortBy\":\"created\",\"sortOrder\":\"desc\"}],\"active\":true}";

    @LocalServerPort
    int port;

    @Autowired
    IdentityService identityService;
    @Autowired
    AuthorizationService authorizationService;
    @Autowired
    FilterService filterService;
    @Autowired
    RepositoryService repositoryService;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    TaskService taskService;
    @Autowired
    ExpressionProbe probe;

    SecurityHttp manager;
    SecurityHttp collector;

    @BeforeEach
    void users() {
        TestUsers.ensure(identityService, "filter-manager", Groups.MANAGERS);
        TestUsers.ensure(identityService, "filter-collector", Groups.COLLECTORS);
        TestUsers.ensure(identityService, "filter-colleague", Groups.COLLECTORS);
        manager = SecurityHttp.basic(port, "filter-manager", TestUsers.PASSWORD);
        collector = SecurityHttp.basic(port, "filter-collector", TestUsers.PASSWORD);
    }

    @Test
    void aCurrentUserFilterListsEachUsersOwnTasksOnEngineRestAndInTheWebapps() throws Exception {
        repositoryService.createDeployment().name("filter-test").addClasspathResource("security/user-task.bpmn").deploy();
        String mine = runtimeService.startProcessInstanceByKey("securityUserTask", Map.of("assignee", "filter-collector")).getId();
        String colleagues = runtimeService.startProcessInstanceByKey("securityUserTask", Map.of("assignee", "filter-colleague")).getId();

        String filterId = createFilter(manager, "My tasks", "{\"assigneeExpression\":\"${currentUser()}\"}");
        shareWithCollectors(filterId);

        HttpResponse<String> viaRest = collector.postJson("/engine-rest/filter/" + filterId + "/list?maxResults=50", "{}");
        assertThat(viaRest.statusCode()).as(viaRest.body()).isEqualTo(200);
        assertThat(viaRest.body()).contains(mine).doesNotContain(colleagues);

        SecurityHttp session = SecurityHttp.webappLogin(port, SecurityIntegrationTest.ENGINE, "tasklist", "filter-collector", TestUsers.PASSWORD);
        HttpResponse<String> viaWebapp = session.postJson(WEBAPP_ENGINE + "/filter/" + filterId + "/list?firstResult=0&maxResults=15", TASKLIST_LIST_BODY);
        assertThat(viaWebapp.statusCode()).as(viaWebapp.body()).isEqualTo(200);
        assertThat(viaWebapp.body()).contains(mine).doesNotContain(colleagues);
        HttpResponse<String> count = session.postJson(WEBAPP_ENGINE + "/filter/" + filterId + "/count", TASKLIST_LIST_BODY);
        assertThat(count.body()).isEqualTo("{\"count\":1}");
    }

    @Test
    void aFilterWithAnyOtherExpressionIsRefusedAndNothingIsSavedOrEvaluated() {
        long filtersBefore = filterService.createFilterQuery().count();
        int evaluationsBefore = probe.evaluations();

        for (String expression : List.of("${T(java.lang.Runtime).getRuntime()}", "${execution}", ExpressionProbe.EXPRESSION,
                "${currentUser().toString()}", "#{currentUser()}", "${dateTime().toDate().getClass()}", " ${now()}")) {
            HttpResponse<String> response = manager.postJson("/engine-rest/filter/create",
                    filterJson("Bad", "{\"assigneeExpression\":" + json(expression) + "}"));
            assertRefusedFilter(response, "query.assigneeExpression");
        }
        assertRefusedFilter(manager.postJson("/engine-rest/filter/create",
                filterJson("Bad", "{\"orQueries\":[{\"dueAfterExpression\":\"${execution}\"}]}")), "query.orQueries[0].dueAfterExpression");
        assertRefusedFilter(manager.postJson("/engine-rest/filter/create",
                filterJson("Bad", "{\"assigneeExpression\":{\"nested\":\"${currentUser()}\"}}")), "query.assigneeExpression");

        assertThat(filterService.createFilterQuery().count()).isEqualTo(filtersBefore);
        assertThat(probe.evaluations()).isEqualTo(evaluationsBefore);
    }

    @Test
    void everyExpressionTasklistOffersIsAccepted() {
        String filterId = createFilter(manager, "Due soon in my groups", "{"
                + "\"candidateGroupsExpression\":\"${currentUserGroups()}\","
                + "\"followUpBeforeExpression\":\"${now()}\","
                + "\"dueBeforeExpression\":\"${dateTime().plusDays(2).withTimeAtStartOfDay().toDate()}\","
                + "\"dueAfterExpression\":\"${dateTime().minusWeeks(1).minusHours(-3)}\","
                + "\"orQueries\":[{\"assigneeExpression\":\"${currentUser()}\"}]}");

        assertThat(filterService.getFilter(filterId)).isNotNull();
    }

    @Test
    void anUpdateCannotSmuggleInAnExpression() {
        String filterId = createFilter(manager, "Mine", "{\"assigneeExpression\":\"${currentUser()}\"}");

        HttpResponse<String> response = manager.putJson("/engine-rest/filter/" + filterId,
                filterJson("Mine", "{\"assigneeExpression\":\"" + ExpressionProbe.EXPRESSION + "\"}"));

        assertRefusedFilter(response, "query.assigneeExpression");
        TaskQueryImpl stored = filterService.getFilter(filterId).getQuery();
        assertThat(stored.getExpressions()).containsEntry("taskAssignee", "${currentUser()}");
    }

    @Test
    void aSavedFiltersExtendingQueryIsAnAdHocQuery() {
        String filterId = createFilter(manager, "Mine", "{\"assigneeExpression\":\"${currentUser()}\"}");
        shareWithCollectors(filterId);
        int before = probe.evaluations();

        ExpressionGuardTest.assertRefusedByGuard(collector.postJson("/engine-rest/filter/" + filterId + "/list?maxResults=5",
                ExpressionGuardTest.OR_QUERY_WITH_EXPRESSION), "orQueries[0].dueAfterExpression");
        SecurityHttp session = SecurityHttp.webappLogin(port, SecurityIntegrationTest.ENGINE, "tasklist", "filter-collector", TestUsers.PASSWORD);
        ExpressionGuardTest.assertRefusedByGuard(session.postJson(WEBAPP_ENGINE + "/filter/" + filterId + "/count",
                "{\"dueAfterExpression\":\"${now()}\"}"), "dueAfterExpression");

        assertThat(probe.evaluations()).isEqualTo(before);
    }

    @Test
    void theJavaApiHoldsTheSameRule() {
        Filter bad = filterService.newTaskFilter("Java bad")
                .setQuery(taskService.createTaskQuery().or().dueAfterExpression(ExpressionProbe.EXPRESSION).endOr());
        assertThatThrownBy(() -> filterService.saveFilter(bad))
                .isInstanceOf(BadUserRequestException.class)
                .hasMessageContaining("Filter 'Java bad' refused: its criterion 'dueAfter' holds an expression");

        Filter good = filterService.newTaskFilter("Java good")
                .setQuery(taskService.createTaskQuery().taskAssigneeExpression("${currentUser()}"));
        assertThat(filterService.saveFilter(good).getId()).isNotNull();
    }

    @Test
    void onlyManagersAndAdministratorsCreateFilters() {
        long before = filterService.createFilterQuery().count();

        HttpResponse<String> response = collector.postJson("/engine-rest/filter/create",
                filterJson("Mine", "{\"assigneeExpression\":\"${currentUser()}\"}"));

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(filterService.createFilterQuery().count()).isEqualTo(before);
        createFilter(SecurityHttp.basic(port, TestUsers.ADMIN, TestUsers.ADMIN_PASSWORD), "Admin's", "{}");
    }

    @Test
    void theWebappsApplyTheSameRuleToSavedFilters() {
        SecurityHttp session = SecurityHttp.webappLogin(port, SecurityIntegrationTest.ENGINE, "tasklist", "filter-manager", TestUsers.PASSWORD);

        HttpResponse<String> good = session.postJson(WEBAPP_ENGINE + "/filter/create",
                filterJson("Mine", "{\"assigneeExpression\":\"${currentUser()}\"}"));
        assertThat(good.statusCode()).as(good.body()).isEqualTo(200);

        assertRefusedFilter(session.postJson(WEBAPP_ENGINE + "/filter/create",
                filterJson("Bad", "{\"assigneeExpression\":\"${execution}\"}")), "query.assigneeExpression");
    }

    private String createFilter(SecurityHttp who, String name, String query) {
        HttpResponse<String> response = who.postJson("/engine-rest/filter/create", filterJson(name, query));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        try {
            return new ObjectMapper().readTree(response.body()).get("id").asText();
        } catch (Exception e) {
            throw new IllegalStateException(response.body(), e);
        }
    }

    /** What an administrator does in Admin so a team sees a filter in Tasklist. */
    private void shareWithCollectors(String filterId) {
        Authorization read = authorizationService.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
        read.setGroupId(Groups.COLLECTORS);
        read.setResource(Resources.FILTER);
        read.setResourceId(filterId);
        read.addPermission(Permissions.READ);
        authorizationService.saveAuthorization(read);
    }

    private static String filterJson(String name, String query) {
        return "{\"resourceType\":\"Task\",\"name\":\"" + name + "\",\"owner\":\"filter-manager\",\"query\":" + query
                + ",\"properties\":{\"color\":\"#555555\",\"priority\":1}}";
    }

    private static String json(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    private static void assertRefusedFilter(HttpResponse<String> response, String key) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("application/problem+json"));
        assertThat(response.body()).contains("Filter refused").contains("'" + key + "' holds an expression")
                .contains("${currentUser()}, ${currentUserGroups()}, ${now()} or ${dateTime()");
    }
}
