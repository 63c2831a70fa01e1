package com.collectiondesk.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.collectiondesk.support.TestUsers;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A hostile page in the victim's browser (which holds cached Basic credentials) makes it send state-changing
 * requests to both APIs: every one is refused before it changes anything. Requests without any page (curl, the ERP)
 * and same-origin requests still work.
 */
@SecurityIntegrationTest
class CrossSiteRequestTest {

    @LocalServerPort
    int port;

    @Autowired JdbcTemplate jdbc;
    @Autowired EdgeFixture fixture;

    /** One forged request: what it sends, and the count that must not move. */
    record Forged(String name, String method, String path, String contentType, byte[] body, String[] headers,
                  LongSupplier stored) {
    }

    /** The pages and browser headers a forged request may come with. */
    private List<String[]> hostilePages() {
        String self = "localhost:" + port;
        return List.of(
                new String[] {"Origin", "https://evil.example"},
                new String[] {"Origin", "null"},
                new String[] {"Origin", "http://" + self + ".evil.example"},
                new String[] {"Origin", "http://evil-" + self},
                new String[] {"Origin", "http://localhost:" + (port + 1)},
                new String[] {"Origin", "https://" + self},
                new String[] {"Origin", "http://127.0.0.1:" + port},
                new String[] {"Origin", "http://localhost"},
                new String[] {"Origin", "file://"},
                new String[] {"Origin", "chrome-extension://abcdefghijklmnop"},
                new String[] {"Origin", "http://[::1]:" + port},
                new String[] {"Origin", "%%% not an origin"},
                new String[] {"Referer", "https://evil.example/cats.html"},
                new String[] {"Referer", "http://" + self + ".evil.example/x"},
                new String[] {"Referer", "http://" + self + "@evil.example/x"},
                new String[] {"Sec-Fetch-Site", "cross-site"},
                new String[] {"Origin", "https://evil.example", "Referer", "http://" + self + "/camunda/app/cockpit/"});
    }

    private List<Forged> forgedRequests() {
        List<Forged> requests = new ArrayList<>();
        String customer = EdgeFixture.id("C-XS");
        requests.add(new Forged("text/plain import", "POST", "/api/imports/customers", "text/plain",
                EdgeFixture.customersCsv(customer), null, () -> fixture.customers(customer)));
        String multipartCustomer = EdgeFixture.id("C-XS");
        requests.add(new Forged("multipart import", "POST", "/api/imports/customers", EdgeFixture.multipartType(),
                EdgeFixture.multipart("file", "c.csv", EdgeFixture.customersCsv(multipartCustomer)), null,
                () -> fixture.customers(multipartCustomer)));
        String formCustomer = EdgeFixture.id("C-XS");
        requests.add(new Forged("form-urlencoded import", "POST", "/api/imports/customers", "application/x-www-form-urlencoded",
                ("customer_id=" + formCustomer).getBytes(StandardCharsets.UTF_8), null, () -> fixture.customers(formCustomer)));
        String csvCustomer = EdgeFixture.id("C-XS");
        requests.add(new Forged("text/csv import", "POST", "/api/imports/customers", "text/csv",
                EdgeFixture.customersCsv(csvCustomer), null, () -> fixture.customers(csvCustomer)));
        requests.add(new Forged("scan", "POST", "/api/scans", "text/plain", new byte[0], null, fixture::scans));
        String payment = EdgeFixture.id("P-XS");
        requests.add(new Forged("payment", "POST", "/api/payments", "text/plain",
                EdgeFixture.paymentJson(payment, "C-NONE").getBytes(StandardCharsets.UTF_8), null, () -> fixture.payments(payment)));
        String putCustomer = EdgeFixture.id("C-XS");
        requests.add(new Forged("customer PUT", "PUT", "/api/customers/" + putCustomer, "application/json",
                EdgeFixture.customerJson().getBytes(StandardCharsets.UTF_8), null, () -> fixture.customers(putCustomer)));
        String deployment = EdgeFixture.id("xs-deployment");
        requests.add(new Forged("deployment", "POST", "/engine-rest/deployment/create", EdgeFixture.multipartType(),
                EdgeFixture.deployment(deployment, EdgeFixture.userTaskBpmn()), null, () -> fixture.deployments(deployment)));
        String filter = EdgeFixture.id("xs-filter");
        requests.add(new Forged("filter", "POST", "/engine-rest/filter/create", "text/plain",
                EdgeFixture.filterJson(filter).getBytes(StandardCharsets.UTF_8), null, () -> fixture.filters(filter)));
        String task = fixture.openTask();
        requests.add(new Forged("task completion", "POST", "/engine-rest/task/" + task + "/complete", "text/plain",
                "{}".getBytes(StandardCharsets.UTF_8), null, () -> fixture.openTasks(task)));
        String deletedTask = fixture.openTask();
        requests.add(new Forged("task deletion", "DELETE", "/engine-rest/task/" + deletedTask, null, new byte[0], null,
                () -> fixture.openTasks(deletedTask)));
        String user = EdgeFixture.id("xs-user");
        requests.add(new Forged("user creation", "POST", "/engine-rest/user/create", "application/json",
                EdgeFixture.userJson(user).getBytes(StandardCharsets.UTF_8), null, () -> fixture.users(user)));
        return requests;
    }

    /** Every hostile page against every kind of write, round robin, and every page against an import and a scan. */
    @TestFactory
    Stream<DynamicTest> crossSiteWritesAreRefusedAndStoreNothing() {
        List<String[]> pages = hostilePages();
        List<Forged> targets = forgedRequests();
        List<DynamicTest> tests = new ArrayList<>();
        int cases = Math.max(pages.size(), targets.size());
        for (int i = 0; i < cases; i++) {
            String[] page = pages.get(i % pages.size());
            Forged target = targets.get(i % targets.size());
            tests.add(forged(target, page));
        }
        for (int i = 0; i < pages.size(); i += 2) {
            tests.add(forged(forgedRequests().get(0), pages.get(i)));
            tests.add(forged(forgedRequests().get(4), pages.get(i + 1 < pages.size() ? i + 1 : 0)));
        }
        assertThat(tests).hasSizeGreaterThanOrEqualTo(30);
        return tests.stream();
    }

    private DynamicTest forged(Forged target, String[] page) {
        return DynamicTest.dynamicTest(target.name() + " from " + String.join(" ", page), () -> {
            long before = target.stored().getAsLong();
            HttpResponse<String> response = send(target, page);
            assertThat(response.statusCode()).as(response.body()).isEqualTo(403);
            assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                    type -> assertThat(type).startsWith("application/problem+json"));
            assertThat(response.body()).contains("Cross-site request refused").contains("Origin or Referer");
            assertThat(target.stored().getAsLong()).as("stored by the forged request").isEqualTo(before);
        });
    }

    /** Body types a page can send without a preflight, to endpoints that do not document them: 415, nothing stored. */
    @TestFactory
    Stream<DynamicTest> undocumentedBodyTypesAreRefusedWithoutAnyOrigin() {
        String customer = EdgeFixture.id("C-CT");
        String payment = EdgeFixture.id("P-CT");
        String filter = EdgeFixture.id("ct-filter");
        String deployment = EdgeFixture.id("ct-deployment");
        String user = EdgeFixture.id("ct-user");
        String task = fixture.openTask();
        byte[] csv = EdgeFixture.customersCsv(customer);
        byte[] paymentJson = EdgeFixture.paymentJson(payment, "C-NONE").getBytes(StandardCharsets.UTF_8);
        List<Forged> requests = List.of(
                new Forged("text/plain import", "POST", "/api/imports/customers", "text/plain; charset=UTF-8", csv, null,
                        () -> fixture.customers(customer)),
                new Forged("form import", "POST", "/api/imports/customers", "application/x-www-form-urlencoded", csv, null,
                        () -> fixture.customers(customer)),
                new Forged("text/plain scan", "POST", "/api/scans", "text/plain", new byte[0], null, fixture::scans),
                new Forged("form scan", "POST", "/api/scans", "application/x-www-form-urlencoded", "asOf=2026-11-01".getBytes(),
                        null, fixture::scans),
                new Forged("text/plain payment", "POST", "/api/payments", "text/plain", paymentJson, null,
                        () -> fixture.payments(payment)),
                new Forged("multipart payment", "POST", "/api/payments", EdgeFixture.multipartType(),
                        EdgeFixture.multipart("file", "p.json", paymentJson), null, () -> fixture.payments(payment)),
                new Forged("XML payment", "POST", "/api/payments", "application/xml", paymentJson, null,
                        () -> fixture.payments(payment)),
                new Forged("text/plain customer", "PUT", "/api/customers/" + customer, "text/plain",
                        EdgeFixture.customerJson().getBytes(StandardCharsets.UTF_8), null, () -> fixture.customers(customer)),
                new Forged("multipart filter", "POST", "/engine-rest/filter/create", EdgeFixture.multipartType(),
                        EdgeFixture.multipart("file", "f.json", EdgeFixture.filterJson(filter).getBytes()), null,
                        () -> fixture.filters(filter)),
                new Forged("text/plain task completion", "POST", "/engine-rest/task/" + task + "/complete", "text/plain",
                        "{}".getBytes(), null, () -> fixture.openTasks(task)),
                new Forged("form user creation", "POST", "/engine-rest/user/create", "application/x-www-form-urlencoded",
                        EdgeFixture.userJson(user).getBytes(), null, () -> fixture.users(user)),
                new Forged("text/plain deployment", "POST", "/engine-rest/deployment/create", "text/plain",
                        EdgeFixture.deployment(deployment, EdgeFixture.userTaskBpmn()), null, () -> fixture.deployments(deployment)));
        return requests.stream().map(target -> DynamicTest.dynamicTest(target.name(), () -> {
            long before = target.stored().getAsLong();
            HttpResponse<String> response = send(target, new String[0]);
            assertThat(response.statusCode()).as(response.body()).isEqualTo(415);
            assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                    type -> assertThat(type).startsWith("application/problem+json"));
            assertThat(target.stored().getAsLong()).as("stored by the refused request").isEqualTo(before);
        }));
    }

    @Test
    void requestsWithoutAPageAndSameOriginRequestsStillWork() {
        SecurityHttp boss = SecurityHttp.basic(port, EdgeFixture.BOSS, TestUsers.PASSWORD);
        String plain = EdgeFixture.id("C-OK");
        assertThat(boss.send("POST", "/api/imports/customers", BodyPublishers.ofByteArray(EdgeFixture.customersCsv(plain)),
                "Content-Type", "text/csv").statusCode()).isEqualTo(200);
        assertThat(fixture.customers(plain)).isEqualTo(1);

        String sameOrigin = EdgeFixture.id("C-OK");
        HttpResponse<String> fromOurPage = boss.send("POST", "/api/imports/customers",
                BodyPublishers.ofByteArray(EdgeFixture.multipart("file", "c.csv", EdgeFixture.customersCsv(sameOrigin))),
                "Content-Type", EdgeFixture.multipartType(), "Origin", "http://localhost:" + port,
                "Sec-Fetch-Site", "same-origin");
        assertThat(fromOurPage.statusCode()).as(fromOurPage.body()).isEqualTo(200);
        assertThat(fixture.customers(sameOrigin)).isEqualTo(1);

        String viaPublicAddress = EdgeFixture.id("C-OK");
        assertThat(boss.send("PUT", "/api/customers/" + viaPublicAddress, BodyPublishers.ofString(EdgeFixture.customerJson()),
                "Content-Type", "application/json", "Origin", "http://localhost:8080").statusCode()).isEqualTo(201);
        assertThat(fixture.customers(viaPublicAddress)).isEqualTo(1);

        String referred = EdgeFixture.id("xs-ok");
        HttpResponse<String> deployed = boss.send("POST", "/engine-rest/deployment/create",
                BodyPublishers.ofByteArray(EdgeFixture.deployment(referred, EdgeFixture.userTaskBpmn())),
                "Content-Type", EdgeFixture.multipartType(), "Referer", "http://localhost:" + port + "/swagger-ui/index.html");
        assertThat(deployed.statusCode()).as(deployed.body()).isEqualTo(200);
        assertThat(fixture.deployments(referred)).isEqualTo(1);

        long scans = fixture.scans();
        assertThat(boss.send("POST", "/api/scans", BodyPublishers.noBody()).statusCode()).isEqualTo(202);
        assertThat(fixture.scans()).isEqualTo(scans + 1);

        // behind a TLS proxy the page's origin is https and the proxy's host
        String proxied = EdgeFixture.id("C-OK");
        assertThat(boss.send("PUT", "/api/customers/" + proxied, BodyPublishers.ofString(EdgeFixture.customerJson()),
                "Content-Type", "application/json", "Origin", "https://desk.example.com",
                "X-Forwarded-Proto", "https", "X-Forwarded-Host", "desk.example.com").statusCode()).isEqualTo(201);
    }

    private HttpResponse<String> send(Forged target, String[] page) {
        List<String> headers = new ArrayList<>(List.of(page));
        if (target.contentType() != null) {
            headers.add("Content-Type");
            headers.add(target.contentType());
        }
        BodyPublisher body = target.body().length == 0 ? BodyPublishers.noBody() : BodyPublishers.ofByteArray(target.body());
        return SecurityHttp.basic(port, EdgeFixture.BOSS, TestUsers.PASSWORD)
                .send(target.method(), target.path(), body, headers.toArray(String[]::new));
    }
}
