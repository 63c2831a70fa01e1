package com.collectiondesk.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.collectiondesk.support.TestUsers;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The managers' Cockpit pages write with the Cockpit login: only on their own paths, and only with the webapps'
 * CSRF token of that session. Everything else a session sends to {@code /api} is treated as unauthenticated.
 */
@SecurityIntegrationTest
class CockpitSessionWritesTest {

    private static final String PROFILE = "{\"languages\":[\"bg\"],\"productTypes\":[\"LEASING\"],\"available\":false}";

    @LocalServerPort int port;
    @Autowired IdentityService identity;

    @BeforeEach
    void users() {
        TestUsers.ensure(identity, "cockpit-manager", Groups.MANAGERS);
        TestUsers.ensure(identity, "cockpit-collector", Groups.COLLECTORS);
        TestUsers.ensure(identity, "cockpit-untouched", Groups.COLLECTORS);
    }

    @Test
    void aManagersCockpitSessionWithItsTokenKeepsAProfile() {
        SecurityHttp cockpit = SecurityHttp.webappLogin(port, SecurityIntegrationTest.ENGINE, "cockpit", "cockpit-manager", TestUsers.PASSWORD);
        assertThat(cockpit.lastLoginStatus).isEqualTo(200);

        HttpResponse<String> saved = cockpit.putJson("/api/collectors/cockpit-collector", PROFILE);

        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(200);
        assertThat(cockpit.get("/api/collectors/cockpit-collector").body()).contains("\"available\":false");
        assertThat(cockpit.get("/api/collectors").statusCode()).isEqualTo(200);
    }

    @Test
    void withoutTheTokenOrWithAnotherOneTheSessionDoesNotCount() {
        SecurityHttp cockpit = SecurityHttp.webappLogin(port, SecurityIntegrationTest.ENGINE, "cockpit", "cockpit-manager", TestUsers.PASSWORD);
        String cookies = cockpit.credentialHeaders().get("Cookie");

        HttpResponse<String> noToken = raw("PUT", "/api/collectors/cockpit-untouched", cookies, null);
        HttpResponse<String> otherToken = raw("PUT", "/api/collectors/cockpit-untouched", cookies, "0123456789ABCDEF0123456789ABCDEF");
        HttpResponse<String> reassignNoToken = raw("POST", "/api/tickets/reassignments", cookies, null);

        assertThat(noToken.statusCode()).isEqualTo(401);
        assertThat(otherToken.statusCode()).isEqualTo(401);
        assertThat(reassignNoToken.statusCode()).isEqualTo(401);
        assertThat(noToken.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(SecurityHttp.basic(port, "cockpit-manager", TestUsers.PASSWORD).get("/api/collectors/cockpit-untouched").statusCode())
                .as("nothing was stored").isEqualTo(404);
    }

    @Test
    void theTokenOpensOnlyTheManagersPagesPathsAndOnlyForManagers() {
        SecurityHttp cockpit = SecurityHttp.webappLogin(port, SecurityIntegrationTest.ENGINE, "cockpit", "cockpit-manager", TestUsers.PASSWORD);
        assertThat(cockpit.postJson("/api/reports/bucket-snapshots", "{}").statusCode()).isEqualTo(401);
        assertThat(cockpit.postJson("/api/payments", "{}").statusCode()).isEqualTo(401);
        assertThat(cockpit.send("POST", "/api/collectors/../payments", HttpRequest.BodyPublishers.ofString("{}"),
                "Content-Type", "application/json").statusCode()).isIn(400, 401);

        SecurityHttp tasklist = SecurityHttp.webappLogin(port, SecurityIntegrationTest.ENGINE, "tasklist", "cockpit-collector", TestUsers.PASSWORD);
        HttpResponse<String> ownProfile = tasklist.putJson("/api/collectors/cockpit-collector", PROFILE);
        assertThat(ownProfile.statusCode()).isEqualTo(403);
        assertThat(ownProfile.body()).contains("managers");
    }

    @Test
    void theHoldsAndDryRunPagesWriteWithTheTokenOnTheirExactPathsOnly() {
        SecurityHttp cockpit = SecurityHttp.webappLogin(port, SecurityIntegrationTest.ENGINE, "cockpit", "cockpit-manager", TestUsers.PASSWORD);
        String cookies = cockpit.credentialHeaders().get("Cookie");

        // with the token the calls reach the endpoints, which answer for what was sent
        HttpResponse<String> hold = cockpit.postJson("/api/tickets/T-NONE/holds", "{\"reason\":\"OTHER\"}");
        assertThat(hold.statusCode()).as(hold.body()).isEqualTo(404);
        assertThat(cockpit.postJson("/api/holds/999999/lift", "{}").statusCode()).isEqualTo(404);
        HttpResponse<String> dryRun = cockpit.postJson("/api/strategy/dry-runs", "{}");
        assertThat(dryRun.statusCode()).isEqualTo(400);
        assertThat(dryRun.body()).contains("\"field\":\"segment\"");
        assertThat(cockpit.get("/api/holds").statusCode()).isEqualTo(200);

        // without it, or beside those paths, the session does not count
        assertThat(raw("POST", "/api/tickets/T-NONE/holds", cookies, null).statusCode()).isEqualTo(401);
        assertThat(raw("POST", "/api/holds/1/lift", cookies, null).statusCode()).isEqualTo(401);
        assertThat(raw("POST", "/api/strategy/dry-runs", cookies, null).statusCode()).isEqualTo(401);
        assertThat(cockpit.postJson("/api/tickets/T-NONE/holds/extra", "{}").statusCode()).isEqualTo(401);
        assertThat(cockpit.postJson("/api/holds/1/lift/again", "{}").statusCode()).isEqualTo(401);
        assertThat(cockpit.postJson("/api/strategy/promotions", "{}").statusCode()).isEqualTo(401);
    }

    @Test
    void aPagesRefusedCallGetsTheProblemWithoutTheBasicChallenge() {
        SecurityHttp anonymous = SecurityHttp.anonymous(port);

        HttpResponse<String> script = anonymous.send("GET", "/api/holds", HttpRequest.BodyPublishers.noBody(),
                "X-Requested-With", "XMLHttpRequest");
        HttpResponse<String> client = anonymous.get("/api/holds");

        assertThat(script.statusCode()).isEqualTo(401);
        assertThat(script.headers().firstValue("WWW-Authenticate")).isEmpty();
        assertThat(script.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(client.statusCode()).isEqualTo(401);
        assertThat(client.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(value -> assertThat(value).startsWith("Basic"));
    }

    private HttpResponse<String> raw(String method, String path, String cookies, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", "application/json").header("Cookie", cookies)
                .method(method, HttpRequest.BodyPublishers.ofString(PROFILE));
        if (token != null) {
            request.header("X-XSRF-TOKEN", token);
        }
        try {
            return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
