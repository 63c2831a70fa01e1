package com.collectiondesk.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.collectiondesk.support.TestUsers;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

@SecurityIntegrationTest
class ScriptDeploymentTest {

    @LocalServerPort
    int port;

    @Autowired
    RepositoryService repositoryService;
    @Autowired
    IdentityService identityService;

    @Test
    void aScriptTaskIsRefusedThroughEngineRestWithAClearMessage() {
        long before = repositoryService.createDeploymentQuery().count();

        HttpResponse<String> response = asAdmin().postMultipart("/engine-rest/deployment/create",
                "security/script-task.bpmn", model("security/script-task.bpmn"));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("Deployment refused: security/script-task.bpmn contains a script task 'calc'")
                .contains("use a Java delegate");
        assertThat(repositoryService.createDeploymentQuery().count()).isEqualTo(before);
        assertThat(repositoryService.createProcessDefinitionQuery().processDefinitionKey("securityScriptTask").count()).isZero();
    }

    @Test
    void aScriptTaskIsRefusedThroughTheJavaApi() {
        assertThatThrownBy(() -> deploy("security/script-task.bpmn"))
                .isInstanceOf(BadUserRequestException.class)
                .hasMessageContaining("Deployment refused: security/script-task.bpmn contains a script task 'calc'");
    }

    @Test
    void aScriptInAnExecutionListenerIsRefused() {
        assertThatThrownBy(() -> deploy("security/script-listener.bpmn"))
                .isInstanceOf(BadUserRequestException.class)
                .hasMessageContaining("security/script-listener.bpmn contains a camunda:script in 'started'");

        HttpResponse<String> response = asAdmin().postMultipart("/engine-rest/deployment/create",
                "security/script-listener.bpmn", model("security/script-listener.bpmn"));
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("camunda:script in 'started'");
    }

    @Test
    void aDecisionWithAJavascriptExpressionIsRefused() {
        assertThatThrownBy(() -> deploy("security/javascript-decision.dmn"))
                .isInstanceOf(BadUserRequestException.class)
                .hasMessageContaining("security/javascript-decision.dmn contains a DMN inputExpression in the script"
                        + " language 'javascript' in 'amountExpression'");
        assertThat(repositoryService.createDecisionDefinitionQuery().decisionDefinitionKey("scriptedDecision").count()).isZero();
    }

    @Test
    void aScriptFileIsRefused() {
        assertThatThrownBy(() -> repositoryService.createDeployment().name("script-file")
                .addString("scripts/discount.groovy", "println 'hi'").deploy())
                .isInstanceOf(BadUserRequestException.class)
                .hasMessageContaining("Deployment refused: scripts/discount.groovy is a script file (.groovy)");
    }

    @Test
    void aCleanModelDeploysThroughEngineRest() {
        HttpResponse<String> response = asAdmin().postMultipart("/engine-rest/deployment/create",
                "security/user-task.bpmn", model("security/user-task.bpmn"));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(repositoryService.createProcessDefinitionQuery().processDefinitionKey("securityUserTask").count()).isPositive();
    }

    @Test
    void analystsMayDeployCleanModelsButNotScriptsAndCollectorsMayNotDeploy() {
        TestUsers.ensure(identityService, "deploy-analyst", Groups.ANALYSTS);
        TestUsers.ensure(identityService, "deploy-collector", Groups.COLLECTORS);
        SecurityHttp analyst = SecurityHttp.basic(port, "deploy-analyst", TestUsers.PASSWORD);

        assertThat(analyst.postMultipart("/engine-rest/deployment/create", "security/user-task.bpmn",
                model("security/user-task.bpmn")).statusCode()).isEqualTo(200);
        assertThat(analyst.postMultipart("/engine-rest/deployment/create", "security/script-task.bpmn",
                model("security/script-task.bpmn")).body()).contains("Deployment refused");
        assertThat(SecurityHttp.basic(port, "deploy-collector", TestUsers.PASSWORD).postMultipart(
                "/engine-rest/deployment/create", "security/user-task.bpmn", model("security/user-task.bpmn")).statusCode())
                .isEqualTo(403);
    }

    private SecurityHttp asAdmin() {
        return SecurityHttp.basic(port, TestUsers.ADMIN, TestUsers.ADMIN_PASSWORD);
    }

    private void deploy(String resource) {
        repositoryService.createDeployment().name("security-test").addClasspathResource(resource).deploy();
    }

    static byte[] model(String resource) {
        try (InputStream in = ScriptDeploymentTest.class.getClassLoader().getResourceAsStream(resource)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
