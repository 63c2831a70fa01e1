package com.collectiondesk.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.collectiondesk.support.TestUsers;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The first-run setup, the password oracle, security headers, Secure cookies behind TLS, the OpenAPI scheme. */
@SecurityIntegrationTest
class EdgeHygieneTest {

    private static final String LOCKED_DOWN = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";

    @LocalServerPort
    int port;

    @Autowired
    IdentityService identity;

    @BeforeEach
    void users() {
        TestUsers.ensure(identity, "hygiene-collector", Groups.COLLECTORS);
    }

    @Test
    void theFirstRunSetupIsClosedOnceAnAdministratorExists() {
        String intruder = EdgeFixture.id("setup-intruder");
        String path = "/camunda/api/admin/setup/" + SecurityIntegrationTest.ENGINE + "/user/create";
        HttpResponse<String> anonymous = SecurityHttp.anonymous(port).send("POST", path,
                BodyPublishers.ofString(EdgeFixture.userJson(intruder)), "Content-Type", "application/json");
        assertThat(anonymous.statusCode()).isEqualTo(403);
        assertThat(anonymous.body()).contains("Setup closed");

        // with a webapp session and its XSRF token, as the Admin webapp's setup page would send it
        SecurityHttp session = SecurityHttp.webappLogin(port, SecurityIntegrationTest.ENGINE, "admin", "hygiene-collector", TestUsers.PASSWORD);
        assertThat(session.postJson(path, EdgeFixture.userJson(intruder)).statusCode()).isEqualTo(403);
        assertThat(identity.createUserQuery().userId(intruder).count()).isZero();
    }

    @Test
    void onlyAdministratorsMayCheckOtherUsersPasswords() {
        String question = "{\"username\":\"" + TestUsers.ADMIN + "\",\"password\":\"" + TestUsers.ADMIN_PASSWORD + "\"}";
        SecurityHttp collector = SecurityHttp.basic(port, "hygiene-collector", TestUsers.PASSWORD);
        for (String path : List.of("/engine-rest/identity/verify", "/engine-rest/identity/verify/",
                "/engine-rest/engine/" + SecurityIntegrationTest.ENGINE + "/identity/verify")) {
            HttpResponse<String> refused = collector.postJson(path, question);
            assertThat(refused.statusCode()).as(path).isEqualTo(403);
            assertThat(refused.body()).contains("Administrators only").doesNotContain("authenticated");
        }
        HttpResponse<String> answered = SecurityHttp.basic(port, TestUsers.ADMIN, TestUsers.ADMIN_PASSWORD)
                .postJson("/engine-rest/identity/verify", question);
        assertThat(answered.statusCode()).isEqualTo(200);
        assertThat(answered.body()).contains("\"authenticated\":true");
    }

    @Test
    void everyAnswerCarriesSecurityHeaders() {
        SecurityHttp admin = SecurityHttp.basic(port, TestUsers.ADMIN, TestUsers.ADMIN_PASSWORD);
        SecurityHttp anonymous = SecurityHttp.anonymous(port);
        List<HttpResponse<String>> lockedDown = List.of(
                admin.get("/api/me"),
                anonymous.get("/api/me"),
                admin.get("/engine-rest/task/count"),
                anonymous.get("/unsubscribe/not-a-token"),
                anonymous.send("POST", "/webhooks/twilio/status", BodyPublishers.ofString("MessageSid=SM1"),
                        "Content-Type", "application/x-www-form-urlencoded"));
        for (HttpResponse<String> response : lockedDown) {
            assertThat(response.headers().firstValue("Content-Security-Policy")).as(response.uri().toString()).hasValue(LOCKED_DOWN);
            assertThat(response.headers().firstValue("X-Frame-Options")).hasValue("DENY");
            assertCommonHeaders(response);
        }

        HttpResponse<String> tasklist = anonymous.get("/camunda/app/tasklist/" + SecurityIntegrationTest.ENGINE + "/");
        assertThat(tasklist.statusCode()).isEqualTo(200);
        assertThat(tasklist.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(
                csp -> assertThat(csp).contains("frame-ancestors 'none'").contains("script-src"));
        assertCommonHeaders(tasklist);

        HttpResponse<String> swagger = anonymous.get("/swagger-ui/index.html");
        assertThat(swagger.statusCode()).isEqualTo(200);
        assertThat(swagger.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(
                csp -> assertThat(csp).contains("frame-ancestors 'none'").contains("default-src 'self'"));
        assertCommonHeaders(swagger);
    }

    private static void assertCommonHeaders(HttpResponse<String> response) {
        assertThat(response.headers().firstValue("X-Content-Type-Options")).as(response.uri().toString()).hasValue("nosniff");
        assertThat(response.headers().firstValue("Referrer-Policy")).as(response.uri().toString()).hasValue("same-origin");
    }

    @Test
    void sessionCookiesAreSecureWhenTheProxySaysHttps() {
        HttpResponse<String> overTls = SecurityHttp.anonymous(port).send("GET", "/camunda/app/tasklist/", BodyPublishers.noBody(),
                "X-Forwarded-Proto", "https");
        assertThat(sessionCookie(overTls)).contains("Secure").contains("HttpOnly");

        HttpResponse<String> plain = SecurityHttp.anonymous(port).send("GET", "/camunda/app/tasklist/", BodyPublishers.noBody());
        assertThat(sessionCookie(plain)).doesNotContain("Secure");
    }

    private static String sessionCookie(HttpResponse<String> response) {
        return response.headers().allValues("Set-Cookie").stream().filter(cookie -> cookie.startsWith("JSESSIONID="))
                .findFirst().orElseThrow(() -> new AssertionError("no session cookie in " + response.headers().map()));
    }

    @Test
    void theOpenApiDocumentDescribesBasicAuthentication() {
        HttpResponse<String> spec = SecurityHttp.anonymous(port).get("/v3/api-docs");
        assertThat(spec.statusCode()).isEqualTo(200);
        assertThat(spec.body().replace(" ", ""))
                .contains("\"securitySchemes\":{\"basic\":{")
                .contains("\"type\":\"http\"")
                .contains("\"scheme\":\"basic\"")
                .contains("\"security\":[{\"basic\":[]}]");
    }
}
