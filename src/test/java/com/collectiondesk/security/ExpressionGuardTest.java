package com.collectiondesk.security;

import static com.collectiondesk.security.AuthenticationTest.WEBAPP_ENGINE;
import static org.assertj.core.api.Assertions.assertThat;

import com.collectiondesk.support.TestUsers;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

@SecurityIntegrationTest
class ExpressionGuardTest {

    static final String OR_QUERY_WITH_EXPRESSION =
            "{\"orQueries\":[{\"dueAfterExpression\":\"" + ExpressionProbe.EXPRESSION + "\"}]}";

    @LocalServerPort
    int port;

    @Autowired
    IdentityService identityService;
    @Autowired
    TaskService taskService;
    @Autowired
    RepositoryService repositoryService;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    ExpressionProbe probe;
    @Autowired
    ProcessEngine processEngine;

    SecurityHttp collector;

    @BeforeEach
    void users() {
        TestUsers.ensure(identityService, "guard-collector", Groups.COLLECTORS);
        collector = SecurityHttp.basic(port, "guard-collector", TestUsers.PASSWORD);
    }

    /** Control: the probe counts when the engine evaluates it, so "nothing was evaluated" below means something. */
    @Test
    void theProbeCountsEveryEvaluationByTheEngine() {
        int before = probe.evaluations();

        ExpressionProbe.evaluate(processEngine, ExpressionProbe.EXPRESSION);

        assertThat(probe.evaluations()).isEqualTo(before + 1);
    }

    @Test
    void anOrQueryExpressionIsRefusedOnEngineRestBeforeTheEngineSeesIt() {
        int before = probe.evaluations();

        HttpResponse<String> response = collector.postJson("/engine-rest/task?maxResults=10", OR_QUERY_WITH_EXPRESSION);

        assertRefusedByGuard(response, "orQueries[0].dueAfterExpression");
        assertThat(probe.evaluations()).isEqualTo(before);
    }

    @Test
    void anExpressionParameterIsRefusedOnGet() {
        int before = probe.evaluations();

        HttpResponse<String> response = collector.get("/engine-rest/task?maxResults=10&dueAfterExpression="
                + URLEncoder.encode(ExpressionProbe.EXPRESSION, StandardCharsets.UTF_8));

        assertRefusedByGuard(response, "dueAfterExpression");
        assertThat(probe.evaluations()).isEqualTo(before);
    }

    @Test
    void anOrQueryExpressionIsRefusedOnTheWebappsEngineApi() {
        SecurityHttp session = SecurityHttp.webappLogin(port, SecurityIntegrationTest.ENGINE, "tasklist", "guard-collector", TestUsers.PASSWORD);
        int before = probe.evaluations();

        HttpResponse<String> response = session.postJson(WEBAPP_ENGINE + "/task?maxResults=10", OR_QUERY_WITH_EXPRESSION);

        assertRefusedByGuard(response, "orQueries[0].dueAfterExpression");
        assertThat(probe.evaluations()).isEqualTo(before);
    }

    @Test
    void anonymousCallersGetNoHintAboutTheGuard() {
        assertThat(SecurityHttp.anonymous(port).postJson("/engine-rest/task", OR_QUERY_WITH_EXPRESSION).statusCode()).isEqualTo(401);
        assertThat(SecurityHttp.anonymous(port).postJson(WEBAPP_ENGINE + "/task", OR_QUERY_WITH_EXPRESSION).statusCode()).isEqualTo(401);
    }

    @Test
    void expressionKeysAreFoundInAnyCaseAtAnyDepthOnEveryGuardedQuery() {
        assertRefusedByGuard(collector.postJson("/engine-rest/task/count",
                "{\"orQueries\":[{\"active\":true},{\"DUEBEFOREEXPRESSION\":\"${now()}\"}]}"), "orQueries[1].DUEBEFOREEXPRESSION");
        assertRefusedByGuard(collector.postJson("/engine-rest/engine/default/history/task",
                "{\"nested\":{\"list\":[{\"x\":{\"taskDueDateExpression\":\"${now()}\"}}]}}"),
                "nested.list[0].x.taskDueDateExpression");
        assertRefusedByGuard(collector.get("/engine-rest/history/task/count?taskFollowUpBeforeExpression=x"), "taskFollowUpBeforeExpression");
        assertRefusedByGuard(collector.postJson("/engine-rest/history/process-instance/count",
                "{\"startedAfterExpression\":\"${now()}\"}"), "startedAfterExpression");
        assertRefusedByGuard(collector.postJson("/engine-rest//task/", OR_QUERY_WITH_EXPRESSION), "orQueries[0].dueAfterExpression");
        // JSON escapes do not hide a key: \u0045 is "E"
        assertRefusedByGuard(collector.postJson("/engine-rest/task", "{\"dueAfter\\u0045xpression\":\"${now()}\"}"),
                "dueAfterExpression");
    }

    @Test
    void aGuardedQueryWhoseBodyIsNotJsonIsRefused() {
        HttpResponse<String> response = collector.postJson("/engine-rest/task", "{\"orQueries\": [ {");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("application/problem+json"));
        assertThat(response.body()).contains("not valid JSON");
    }

    @Test
    void queriesWithoutExpressionsReachTheEngineWithTheirBodyIntact() {
        repositoryService.createDeployment().name("guard-test").addClasspathResource("security/user-task.bpmn").deploy();
        String mine = runtimeService.startProcessInstanceByKey("securityUserTask", Map.of("assignee", "guard-collector")).getId();

        // The body's processInstanceId narrows the result: if the replayed body were lost, the engine would ignore it.
        HttpResponse<String> response = collector.postJson("/engine-rest/task?maxResults=10",
                "{\"processInstanceId\":\"" + mine + "\",\"sorting\":[{\"sortBy\":\"created\",\"sortOrder\":\"desc\"}]}");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.body()).contains(mine).contains("\"assignee\":\"guard-collector\"");

        HttpResponse<String> other = collector.postJson("/engine-rest/task/count", "{\"processInstanceId\":\"no-such-instance\"}");
        assertThat(other.body()).isEqualTo("{\"count\":0}");

        SecurityHttp session = SecurityHttp.webappLogin(port, SecurityIntegrationTest.ENGINE, "tasklist", "guard-collector", TestUsers.PASSWORD);
        HttpResponse<String> viaWebapp = session.postJson(WEBAPP_ENGINE + "/task?maxResults=10", "{\"processInstanceId\":\"" + mine + "\"}");
        assertThat(viaWebapp.statusCode()).isEqualTo(200);
        assertThat(viaWebapp.body()).contains(mine);
    }

    /** The strict reading refuses only what the engine could read differently: plain UTF-8 passes untouched. */
    @Test
    void nonAsciiUtf8QueriesWithAnIdentityEncodingReachTheEngine() {
        RawHttp.Response body = RawHttp.send(port, "POST", "/engine-rest/task/count?assignee=Ren%C3%A9+M%C3%BCller",
                Map.of("Authorization", collector.credentialHeaders().get("Authorization"),
                        "Content-Type", "application/json;charset=UTF-8", "Content-Encoding", "identity"),
                "{\"assignee\":\"René Müller ☎ \uD83D\uDE00\",\"orQueries\":[{\"assignee\":\"é\"}]}".getBytes(StandardCharsets.UTF_8));

        assertThat(body.status()).as(body.body()).isEqualTo(200);
        assertThat(body.body()).isEqualTo("{\"count\":0}");
    }

    static void assertRefusedByGuard(HttpResponse<String> response, String key) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("application/problem+json"));
        assertThat(response.body()).contains("Query refused").contains("'" + key + "' is an expression");
    }
}
