package com.collectiondesk.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.collectiondesk.support.TestUsers;
import java.net.http.HttpResponse;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

@SecurityIntegrationTest
class AuthenticationTest {

    static final String WEBAPP_ENGINE = "/camunda/api/engine/engine/" + SecurityIntegrationTest.ENGINE;

    @LocalServerPort
    int port;

    @Autowired
    IdentityService identityService;

    @BeforeEach
    void users() {
        TestUsers.ensure(identityService, "auth-collector", Groups.COLLECTORS);
        TestUsers.ensure(identityService, "auth-manager", Groups.MANAGERS);
        // A wrong password locks the user briefly (Camunda's login throttling), so wrong guesses use their own user.
        TestUsers.ensure(identityService, "auth-guessed", Groups.COLLECTORS);
    }

    @Test
    void theApiNeedsBasicCredentialsAndTellsWhoTheCallerIs() {
        HttpResponse<String> anonymous = SecurityHttp.anonymous(port).get("/api/me");
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).startsWith("Basic"));

        assertThat(SecurityHttp.basic(port, "auth-guessed", "wrong").get("/api/me").statusCode()).isEqualTo(401);

        HttpResponse<String> me = SecurityHttp.basic(port, "auth-collector", TestUsers.PASSWORD).get("/api/me");
        assertThat(me.statusCode()).isEqualTo(200);
        assertThat(me.body()).contains("\"userId\":\"auth-collector\"").contains("\"groups\":[\"collectors\"]");
    }

    @Test
    void theEngineRestApiNeedsBasicCredentials() {
        assertThat(SecurityHttp.anonymous(port).get("/engine-rest/task/count").statusCode()).isEqualTo(401);
        assertThat(SecurityHttp.basic(port, "auth-guessed", "wrong").get("/engine-rest/task/count").statusCode()).isEqualTo(401);

        HttpResponse<String> count = SecurityHttp.basic(port, "auth-collector", TestUsers.PASSWORD).get("/engine-rest/task/count");
        assertThat(count.statusCode()).isEqualTo(200);
        assertThat(count.body()).contains("\"count\":");
    }

    @Test
    void theWebappsNeedALogin() {
        assertThat(SecurityHttp.anonymous(port).get(WEBAPP_ENGINE + "/task/count").statusCode()).isEqualTo(401);

        SecurityHttp session = SecurityHttp.webappLogin(port, SecurityIntegrationTest.ENGINE, "tasklist", "auth-collector", TestUsers.PASSWORD);
        assertThat(session.lastLoginStatus).isEqualTo(200);
        HttpResponse<String> count = session.get(WEBAPP_ENGINE + "/task/count");
        assertThat(count.statusCode()).isEqualTo(200);
        assertThat(count.body()).contains("\"count\":");
    }

    @Test
    void aWrongPasswordDoesNotOpenTheWebapps() {
        SecurityHttp session = SecurityHttp.webappLogin(port, SecurityIntegrationTest.ENGINE, "tasklist", "auth-guessed", "wrong");
        assertThat(session.lastLoginStatus).isIn(401, 403);
        assertThat(session.get(WEBAPP_ENGINE + "/task/count").statusCode()).isEqualTo(401);
    }

    @Test
    void aCollectorMayNotCreateUsers() {
        String newUser = "{\"profile\":{\"id\":\"intruder\",\"firstName\":\"I\",\"lastName\":\"N\"},\"credentials\":{\"password\":\"x-Secret-123\"}}";

        HttpResponse<String> viaRest = SecurityHttp.basic(port, "auth-collector", TestUsers.PASSWORD).postJson("/engine-rest/user/create", newUser);
        assertThat(viaRest.statusCode()).isEqualTo(403);
        assertThat(viaRest.body()).contains("AuthorizationException");

        SecurityHttp session = SecurityHttp.webappLogin(port, SecurityIntegrationTest.ENGINE, "tasklist", "auth-collector", TestUsers.PASSWORD);
        HttpResponse<String> viaWebapp = session.postJson(WEBAPP_ENGINE + "/user/create", newUser);
        assertThat(viaWebapp.statusCode()).isEqualTo(403);
        assertThat(viaWebapp.body()).as("refused by Camunda's authorization, not by CSRF").contains("AuthorizationException");

        assertThat(identityService.createUserQuery().userId("intruder").count()).isZero();
    }

    @Test
    void collectorsOpenOnlyTasklistWhileManagersAlsoOpenCockpit() {
        assertThat(login("auth-collector", "tasklist")).isEqualTo(200);
        assertThat(login("auth-collector", "cockpit")).isEqualTo(403);
        assertThat(login("auth-collector", "admin")).isEqualTo(403);

        assertThat(login("auth-manager", "tasklist")).isEqualTo(200);
        assertThat(login("auth-manager", "cockpit")).isEqualTo(200);
        assertThat(login("auth-manager", "admin")).isEqualTo(403);

        assertThat(login(TestUsers.ADMIN, TestUsers.ADMIN_PASSWORD, "admin")).isEqualTo(200);
    }

    private int login(String user, String app) {
        return login(user, TestUsers.PASSWORD, app);
    }

    private int login(String user, String password, String app) {
        return SecurityHttp.webappLogin(port, SecurityIntegrationTest.ENGINE, app, user, password).lastLoginStatus;
    }
}
