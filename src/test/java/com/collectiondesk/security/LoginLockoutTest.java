package com.collectiondesk.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.collectiondesk.support.TestUsers;
import java.net.URLEncoder;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Guessing passwords is slowed per client and account with 429 and Retry-After (here: 5 free failures, then waits
 * of 1.5 s; see {@link SecurityIntegrationTest}), and never locks anybody out for good.
 */
@SecurityIntegrationTest
class LoginLockoutTest {

    private static final long MAX_WAIT_MILLIS = 1500;

    @LocalServerPort
    int port;

    @Autowired IdentityService identity;
    @Autowired ProcessEngine engine;
    @Autowired JdbcTemplate jdbc;
    @Autowired IdentityBootstrap bootstrap;

    @Test
    void twentyWrongPasswordsForTheAdministratorAreThrottledButNeverLockIt() throws InterruptedException {
        SecurityHttp wrong = SecurityHttp.basic(port, TestUsers.ADMIN, "not-the-password");
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            statuses.add(wrong.get("/api/me").statusCode());
        }
        assertThat(statuses.subList(0, 5)).containsOnly(401);
        assertThat(statuses).contains(429).filteredOn(status -> status == 401).hasSizeLessThanOrEqualTo(6);

        HttpResponse<String> throttled = wrong.get("/api/me");
        assertThat(throttled.statusCode()).isEqualTo(429);
        assertThat(throttled.headers().firstValue("Retry-After")).hasValue("2");
        assertThat(throttled.headers().firstValue("WWW-Authenticate")).isEmpty();
        assertThat(throttled.body()).contains("Too many failed logins").contains("Retry-After");
        // even the right password waits: the throttle answers before any password is checked
        assertThat(admin().get("/api/me").statusCode()).isEqualTo(429);

        Thread.sleep(MAX_WAIT_MILLIS + 100);
        HttpResponse<String> me = admin().get("/api/me");
        assertThat(me.statusCode()).isEqualTo(200);
        assertThat(me.body()).contains("\"userId\":\"admin\"");
    }

    @Test
    void wrongPasswordsPacedPastEveryWaitStillLeaveTheAccountUsable() throws InterruptedException {
        TestUsers.ensure(identity, "paced-guesser", Groups.MANAGERS);
        int checked = paceWrongPasswords(() -> SecurityHttp.basic(port, "paced-guesser", "guess").get("/engine-rest/task/count"), 11);
        assertThat(checked).isEqualTo(11);
        // Camunda would have locked the user for good after the 10th; the right password works after the last wait
        Thread.sleep(MAX_WAIT_MILLIS + 100);
        assertThat(SecurityHttp.basic(port, "paced-guesser", TestUsers.PASSWORD).get("/engine-rest/task/count").statusCode())
                .isEqualTo(200);
        assertThat(identity.checkPassword("paced-guesser", TestUsers.PASSWORD)).isTrue();
    }

    @Test
    void camundasOwnLockoutIsOff() {
        TestUsers.ensure(identity, "lock-probe", Groups.COLLECTORS);
        for (int i = 0; i < 12; i++) {
            assertThat(identity.checkPassword("lock-probe", "wrong")).isFalse();
        }
        assertThat(identity.checkPassword("lock-probe", TestUsers.PASSWORD)).isTrue();
    }

    @Test
    void theEngineRestApiIsThrottledPerClientAddress() {
        TestUsers.ensure(identity, "pair-target", Groups.COLLECTORS);
        SecurityHttp guesser = SecurityHttp.basic(port, "pair-target", "guess");
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            statuses.add(guesser.send("GET", "/engine-rest/task/count", BodyPublishers.noBody(),
                    "X-Forwarded-For", "203.0.113.10").statusCode());
        }
        assertThat(statuses).startsWith(401, 401, 401, 401, 401, 401).contains(429);

        // another client (through the trusted proxy) is not slowed by the first one's guesses
        assertThat(guesser.send("GET", "/engine-rest/task/count", BodyPublishers.noBody(),
                "X-Forwarded-For", "203.0.113.11").statusCode()).isEqualTo(401);
        assertThat(SecurityHttp.basic(port, "pair-target", TestUsers.PASSWORD).send("GET", "/engine-rest/task/count",
                BodyPublishers.noBody(), "X-Forwarded-For", "203.0.113.12").statusCode()).isEqualTo(200);
    }

    @Test
    void theWebappLoginIsThrottledToo() throws InterruptedException {
        TestUsers.ensure(identity, "webapp-guessed", Groups.COLLECTORS);
        List<Integer> statuses = new ArrayList<>();
        HttpResponse<String> last = null;
        for (int i = 0; i < 8; i++) {
            last = webappLogin("webapp-guessed", "guess");
            statuses.add(last.statusCode());
        }
        assertThat(statuses.subList(0, 5)).containsOnly(401);
        assertThat(statuses).contains(429);
        assertThat(last.statusCode()).isEqualTo(429);
        assertThat(last.headers().firstValue("Retry-After")).hasValue("2");

        Thread.sleep(MAX_WAIT_MILLIS + 100);
        assertThat(webappLogin("webapp-guessed", TestUsers.PASSWORD).statusCode()).isEqualTo(200);
    }

    @Test
    void aStartUnlocksTheConfiguredAdministrator() {
        // a lock Camunda's own throttling left in the database before this version
        jdbc.update("update ACT_ID_USER set ATTEMPTS_ = 10, LOCK_EXP_TIME_ = ? where ID_ = ?",
                Timestamp.from(Instant.now().plus(3650, ChronoUnit.DAYS)), TestUsers.ADMIN);
        assertThat(identity.checkPassword(TestUsers.ADMIN, TestUsers.ADMIN_PASSWORD)).as("locked").isFalse();

        bootstrap.postProcessEngineBuild(engine);

        assertThat(identity.checkPassword(TestUsers.ADMIN, TestUsers.ADMIN_PASSWORD)).isTrue();
        assertThat(admin().get("/api/me").statusCode()).isEqualTo(200);
    }

    /** Sends wrong passwords, waiting out every 429, until {@code count} of them were checked (401). */
    private static int paceWrongPasswords(Supplier<HttpResponse<String>> attempt, int count) throws InterruptedException {
        int checked = 0;
        for (int tries = 0; checked < count && tries < count * 4; tries++) {
            int status = attempt.get().statusCode();
            if (status == 401) {
                checked++;
            } else {
                assertThat(status).isEqualTo(429);
                Thread.sleep(MAX_WAIT_MILLIS + 50);
            }
        }
        return checked;
    }

    private HttpResponse<String> webappLogin(String user, String password) {
        String form = "username=" + URLEncoder.encode(user, StandardCharsets.UTF_8)
                + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8);
        SecurityHttp browser = SecurityHttp.anonymous(port);
        browser.get("/camunda/app/tasklist/"); // the login page's session and XSRF token, as Tasklist gets them
        return browser.send("POST",
                "/camunda/api/admin/auth/user/" + SecurityIntegrationTest.ENGINE + "/login/tasklist",
                BodyPublishers.ofString(form), "Content-Type", "application/x-www-form-urlencoded");
    }

    private SecurityHttp admin() {
        return SecurityHttp.basic(port, TestUsers.ADMIN, TestUsers.ADMIN_PASSWORD);
    }
}
