package com.collectiondesk.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.collectiondesk.deployment.ShippedModels;
import com.collectiondesk.support.TestUsers;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * An analyst deploys hostile models through the engine REST API, as Camunda Modeler does: each one is refused
 * with 400 and a message naming the file, the element and the expression, and nothing is stored or evaluated.
 * The corpus is src/test/resources/security/hostile/.
 */
@SecurityIntegrationTest
class HostileModelTest {

    private static final String DEPLOY = "/engine-rest/deployment/create";
    /** Several hostile expressions would set this system property if they were ever evaluated. */
    private static final String EVALUATED_FLAG = "collection.hostile";

    @LocalServerPort
    int port;
    @Autowired
    RepositoryService repository;
    @Autowired
    IdentityService identity;
    @Autowired
    ExpressionProbe probe;
    @Autowired
    ShippedModels shipped;

    private SecurityHttp analyst;

    @BeforeEach
    void analyst() {
        TestUsers.ensure(identity, "hostile-analyst", Groups.ANALYSTS);
        analyst = SecurityHttp.basic(port, "hostile-analyst", TestUsers.PASSWORD);
    }

    static Stream<Arguments> hostileModels() {
        return Stream.of(
                refused("expression-forname.bpmn", "serviceTask 'step' has camunda:expression '${''.getClass().forName(",
                        "property access on '''' ('.getClass') is not allowed"),
                refused("condition-forname.bpmn", "conditionExpression in 'whenRuntime' has the expression"
                        + " '${''.getClass().forName('java.lang.Runtime') != null}': property access on ''''"),
                refused("timer-date-forname.bpmn", "timeDate in 'waitDef' has the expression"
                        + " '${''.getClass().forName('java.lang.Runtime').getName()}': property access on ''''"),
                refused("timer-start-probe.bpmn", "timeDate in 'everyMinuteDef' has the expression '${expressionProbe.touch()}':"
                        + " method calls ('expressionProbe.touch(') are not allowed"),
                refused("timer-cycle-mixed.bpmn", "timeCycle in 'waitDef' has the expression 'R3/${retryDelay}':"
                        + " a timer may hold an ISO-8601 value or one variable"),
                refused("input-parameter-forname.bpmn", "camunda:inputParameter 'erpEvent' in 'step' has the expression"
                        + " '${''.getClass().forName(", "property access on ''''"),
                refused("static-type.bpmn", "serviceTask 'step' has camunda:expression"
                        + " '${T(java.lang.Runtime).getRuntime().exec('touch /tmp/hostile')}': method and function calls ('T(') are not allowed"),
                refused("engine-services-call.bpmn", "serviceTask 'step' has camunda:expression '${execution.getProcessEngineServices()",
                        "method calls ('execution.getProcessEngineServices(') are not allowed"),
                refused("engine-services-property.bpmn", "camunda:inputParameter 'erpEvent' in 'step' has the expression"
                        + " '${execution.processEngineServices.identityService}':"
                        + " 'execution.processEngineServices.identityService' navigates the engine object"),
                refused("task-navigation.bpmn", "camunda:expression in 'step' has the expression '${task.execution.processEngine}':"
                        + " 'task.execution.processEngine' navigates the engine object"),
                refused("index-access.bpmn", "userTask 'step' has camunda:assignee '${execution['processEngineServices']}':"
                        + " index access ('[') is not allowed"),
                refused("camunda-class.bpmn", "serviceTask 'step' names the Java class 'org.example.Exfiltrate' in camunda:class"),
                refused("listener-class.bpmn", "camunda:executionListener in 'step' names the Java class 'org.example.Exfiltrate' in class"),
                refused("delegate-datasource.bpmn", "serviceTask 'step' has camunda:delegateExpression '${dataSource}':"
                        + " 'dataSource' is not one of this service's delegates"),
                refused("delegate-process-engine.bpmn", "camunda:taskListener in 'step' has delegateExpression '${processEngine}':"
                        + " 'processEngine' is not one of this service's delegates"),
                refused("delegate-method.bpmn", "serviceTask 'step' has camunda:delegateExpression '${sendOutreachDelegate.execute(execution)}':"
                        + " method calls ('sendOutreachDelegate.execute(') are not allowed"),
                refused("condition-bean.bpmn", "conditionExpression in 'whenEngine' has the expression '${runtimeService != null}':"
                        + " 'runtimeService' names a bean of the service, not a process variable"),
                refused("called-element.bpmn", "callActivity 'step' has calledElement '${execution.processDefinition.key}':"
                        + " 'execution.processDefinition.key' navigates the engine object"),
                refused("collection-method.bpmn", "multiInstanceLoopCharacteristics in 'step' has camunda:collection"
                        + " '${execution.getVariables().values()}': method calls ('execution.getVariables(') are not allowed"),
                refused("field-literal-getclass.bpmn", "camunda:expression in 'step' has the expression '${'x'.class.classLoader}':"
                        + " property access on ''x'' ('.class') is not allowed"),
                refused("split-by-comment.bpmn", "conditionExpression in 'whenSplit' has the expression '${''.getClass() != null}':"
                        + " property access on ''''"),
                refused("message-name.bpmn", "message 'hostileMessage' has name '${expressionProbe.touch()}':"
                        + " method calls ('expressionProbe.touch(') are not allowed"),
                refused("escaped-expression.bpmn", "userTask 'step' has camunda:assignee '\\\\${assignee}': an escaped '\\\\$' is not allowed"),
                refused("timer-start.bpmn", "has a timer start event 'started' in process 'hostileTimerStart',"
                        + " which is not one of the service's own processes"),
                refused("message-start.bpmn", "has a message start event 'started' in process 'hostileMessageStart',"
                        + " which is not one of the service's own processes"),
                refused("signal-start.bpmn", "has a signal start event 'started' in process 'hostileSignalStart',"
                        + " which is not one of the service's own processes"),
                refused("embedded-form.bpmn", "userTask 'step' has the form key 'embedded:deployment:steal-session.html'"),
                refused("app-form.bpmn", "userTask 'step' has the form key 'app:forms/steal-session.html'"),
                refused("generated-form.bpmn", "contains a generated form (camunda:formData) in 'step'"),
                refused("camunda-resource.bpmn", "contains a camunda:resource script reference in 'step'"),
                refused("xxe.bpmn", "declares a DTD, which models may not use"),
                refused("malformed.bpmn", "is not well-formed XML"),
                refused("juel-decision.dmn", "contains a DMN inputExpression in the expression language 'juel' in 'amountExpression'"),
                refused("javascript-definitions.dmn", "contains a DMN definitions in the script language 'javascript' in 'hostileJavascriptDefinitions'"),
                refused("feel-external-function.dmn", "contains an external FEEL function in text in 'anyAmountResult'"),
                refused("unknown-channel.dmn", "has the output 'SMSS' in rule 'rule-typo' of decision 'hostileChannel',"
                        + " column 'channel', which allows only 'SMS', 'EMAIL'", "an output column with allowed values (outputValues)"),
                refused("html-component.form", "has a component 'payload' of type 'html', which forms may not use"),
                refused("iframe-component.form", "has a component 'frame' of type 'iframe', which forms may not use"),
                refused("nested-html.form", "has a component 'inner' of type 'html', which forms may not use"),
                refused("script-in-text.form", "has HTML in the text component 'intro'"),
                refused("not-a-form.form", "is not a Camunda Form"),
                refused("duplicate-keys.form", "is not valid JSON (Duplicate field 'type')"),
                refused("steal-session.html", "is a .html file — a deployment may contain only .bpmn, .dmn and .form files"),
                refused("steal-session.js", "is a script file (.js)"),
                refused("model.xml", "is a .xml file — a deployment may contain only .bpmn, .dmn and .form files"),
                refused("notes.txt", "is a .txt file"),
                refused("diagram.png", "is not a .png image"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostileModels")
    void anAnalystsHostileModelIsRefusedAndNothingIsStoredOrEvaluated(String file, String expected, String reason) {
        Stored before = stored();

        HttpResponse<String> response = analyst.postMultipart(DEPLOY, "hostile/" + file, ScriptDeploymentTest.model("security/hostile/" + file));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(response.body()).contains("Deployment refused: hostile/" + file + " " + expected).contains(reason)
                .doesNotContain("Exception:");
        assertThat(stored()).isEqualTo(before);
        assertThat(System.getProperty(EVALUATED_FLAG)).isNull();
    }

    @Test
    void aResourceOverTheSizeCapIsRefusedBeforeItIsParsed() {
        Stored before = stored();
        String head = new String(ScriptDeploymentTest.model("security/allowed/analyst-reminder.bpmn"), StandardCharsets.UTF_8);
        byte[] big = head.replace("<!-- An analyst's", "<!-- " + "x".repeat(2_200_000) + " An analyst's").getBytes(StandardCharsets.UTF_8);

        HttpResponse<String> response = analyst.postMultipart(DEPLOY, "hostile/big.bpmn", big);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("Deployment refused: hostile/big.bpmn is " + big.length
                + " bytes, more than the 2097152 a resource may have — the limit is collection.models.max-resource-bytes.");
        assertThat(stored()).isEqualTo(before);
    }

    @Test
    void anUploadLargerThanADeploymentMayBeIsRefusedBeforeTheEngineReadsIt() {
        Stored before = stored();
        Map<String, byte[]> files = new LinkedHashMap<>();
        for (int i = 0; i < 6; i++) {
            files.put("hostile/part-" + i + ".form", new byte[2_000_000]);
        }

        HttpResponse<String> response = analyst.postMultipart(DEPLOY, files);

        // the HTTP edge's deployment cap (3 MB in the security tests) refuses it before anything is read
        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(response.body()).contains("\"title\":\"Request body too large\"")
                .contains("This endpoint takes bodies of at most 3145728 bytes.");
        assertThat(stored()).isEqualTo(before);
    }

    @Test
    void aChunkedUploadIsReadOnlyUpToTheCap() {
        Stored before = stored();
        String head = "--x\r\nContent-Disposition: form-data; name=\"a\"; filename=\"hostile/a.form\"\r\n\r\n";
        byte[] body = (head + " ".repeat(10_600_000) + "{}\r\n--x--\r\n").getBytes(StandardCharsets.UTF_8);

        HttpResponse<String> response = analyst.postChunked(DEPLOY, "multipart/form-data; boundary=x", body);

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.body()).contains("This endpoint takes bodies of at most 3145728 bytes.");
        assertThat(stored()).isEqualTo(before);
    }

    @Test
    void oneHostileFileRefusesTheWholeDeployment() {
        Stored before = stored();
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("allowed/analyst-reminder.bpmn", ScriptDeploymentTest.model("security/allowed/analyst-reminder.bpmn"));
        files.put("allowed/analyst-reminder.form", ScriptDeploymentTest.model("security/allowed/analyst-reminder.form"));
        files.put("hostile/steal-session.html", ScriptDeploymentTest.model("security/hostile/steal-session.html"));

        HttpResponse<String> response = analyst.postMultipart(DEPLOY, files);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("Deployment refused: hostile/steal-session.html is a .html file");
        assertThat(stored()).isEqualTo(before);
        assertThat(repository.createProcessDefinitionQuery().processDefinitionKey("analystReminder").count()).isZero();
    }

    @Test
    void anAnalystsModelThatUsesOnlyAllowedConstructsDeploys() {
        Map<String, byte[]> files = new LinkedHashMap<>();
        for (String file : new String[] {"analyst-reminder.bpmn", "analyst-reminder.form", "analyst-size.dmn"}) {
            files.put("allowed/" + file, ScriptDeploymentTest.model("security/allowed/" + file));
        }

        HttpResponse<String> response = analyst.postMultipart(DEPLOY, files);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(repository.createProcessDefinitionQuery().processDefinitionKey("analystReminder").count()).isEqualTo(1);
        assertThat(repository.createDecisionDefinitionQuery().decisionDefinitionKey("analystSize").count()).isEqualTo(1);
        repository.deleteDeployment(deploymentId(response), true);
    }

    @Test
    void theServicesOwnModelsPassTheSameChecksWhenAnAnalystDeploysThem() {
        assertThat(shipped.resources()).hasSizeGreaterThanOrEqualTo(10);

        HttpResponse<String> response = analyst.postMultipart(DEPLOY, shipped.resources());

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        String id = deploymentId(response);
        assertThat(repository.getDeploymentResourceNames(id)).containsExactlyInAnyOrderElementsOf(shipped.resources().keySet());
        assertThat(repository.createProcessDefinitionQuery().deploymentId(id).list())
                .extracting(definition -> definition.getKey())
                .contains("delinquency-scan", "delinquency-ticket", "task-digest", "debtor-reply");
        repository.deleteDeployment(id, true);
    }

    private static String deploymentId(HttpResponse<String> response) {
        return response.body().replaceAll("(?s).*?\"id\":\"([^\"]+)\".*", "$1");
    }

    private static Arguments refused(String file, String message) {
        return refused(file, message, "");
    }

    /** The refusal names the file, the element and the expression ({@code message}); {@code reason} says why. */
    private static Arguments refused(String file, String message, String reason) {
        return Arguments.of(file, message, reason);
    }

    private Stored stored() {
        return new Stored(repository.createDeploymentQuery().count(), repository.createProcessDefinitionQuery().count(),
                repository.createDecisionDefinitionQuery().count(), probe.evaluations());
    }

    /** What a refused deployment must leave as it was: deployments, definitions, and the expression probe's count. */
    private record Stored(long deployments, long processDefinitions, long decisionDefinitions, int probeEvaluations) {
    }
}
