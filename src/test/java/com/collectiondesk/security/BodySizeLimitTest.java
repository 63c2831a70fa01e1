package com.collectiondesk.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.collectiondesk.support.TestUsers;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Function;
import java.util.function.LongSupplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Request bodies over their kind's cap (here: imports 64 KB, deployments 3 MB, JSON 8 KB; see
 * {@link SecurityIntegrationTest}) are answered 413 problem+json and store nothing, whether the body declares its
 * length or streams in chunks; a body under its own kind's cap still works though it exceeds the JSON cap.
 */
@SecurityIntegrationTest
class BodySizeLimitTest {

    @LocalServerPort
    int port;

    @Autowired JdbcTemplate jdbc;
    @Autowired EdgeFixture fixture;

    record Oversized(String name, String method, String path, String contentType, byte[] body, LongSupplier stored) {
    }

    /** How a body travels: with Content-Length, or chunked without it. */
    private static final List<Function<byte[], BodyPublisher>> TRANSFERS =
            List.of(BodyPublishers::ofByteArray, SecurityHttp::chunked);

    @TestFactory
    Stream<DynamicTest> oversizedBodiesAreAnswered413AndStoreNothing() {
        String csvCustomer = EdgeFixture.id("C-BIG");
        String multipartCustomer = EdgeFixture.id("C-BIG");
        String payment = EdgeFixture.id("P-BIG");
        String customer = EdgeFixture.id("C-BIG");
        String filter = EdgeFixture.id("big-filter");
        String deployment = EdgeFixture.id("big-deployment");
        List<Oversized> requests = List.of(
                new Oversized("CSV import", "POST", "/api/imports/customers", "text/csv", csvOf(csvCustomer, 100_000),
                        () -> fixture.customers(csvCustomer)),
                new Oversized("multipart import", "POST", "/api/imports/customers", EdgeFixture.multipartType(),
                        EdgeFixture.multipart("file", "c.csv", csvOf(multipartCustomer, 100_000)),
                        () -> fixture.customers(multipartCustomer)),
                new Oversized("payment", "POST", "/api/payments", "application/json",
                        padded(EdgeFixture.paymentJson(payment, "C-NONE"), 20_000), () -> fixture.payments(payment)),
                new Oversized("customer", "PUT", "/api/customers/" + customer, "application/json",
                        padded(EdgeFixture.customerJson(), 20_000), () -> fixture.customers(customer)),
                new Oversized("engine filter", "POST", "/engine-rest/filter/create", "application/json",
                        padded(EdgeFixture.filterJson(filter), 20_000), () -> fixture.filters(filter)),
                new Oversized("engine task query", "POST", "/engine-rest/task", "application/json",
                        padded("{\"name\":\"x\"}", 20_000), () -> 0),
                new Oversized("deployment", "POST", "/engine-rest/deployment/create", EdgeFixture.multipartType(),
                        EdgeFixture.deployment(deployment, bpmnOf(3_200_000)), () -> fixture.deployments(deployment)));
        return requests.stream().flatMap(request -> TRANSFERS.stream().map(transfer -> DynamicTest.dynamicTest(
                request.name() + (transfer == TRANSFERS.get(0) ? " with Content-Length" : " chunked"), () -> {
                    long before = request.stored().getAsLong();
                    HttpResponse<String> response = boss().send(request.method(), request.path(),
                            transfer.apply(request.body()), "Content-Type", request.contentType());
                    assertThat(response.statusCode()).as(response.body()).isEqualTo(413);
                    assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                            type -> assertThat(type).startsWith("application/problem+json"));
                    assertThat(response.body()).doesNotContain("Exception");
                    assertThat(response.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
                    assertThat(request.stored().getAsLong()).as("stored by the oversized request").isEqualTo(before);
                })));
    }

    @Test
    void anAnonymousOversizedBodyIsRefusedBeforeAnyPasswordIsChecked() {
        HttpResponse<String> response = SecurityHttp.anonymous(port).send("POST", "/api/imports/customers",
                BodyPublishers.ofByteArray(csvOf(EdgeFixture.id("C-BIG"), 100_000)), "Content-Type", "text/csv");
        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.body()).contains("Request body too large").contains("at most 65536 bytes");
    }

    @Test
    void eachKindHasItsOwnCap() {
        String customer = EdgeFixture.id("C-MID");
        HttpResponse<String> imported = boss().send("POST", "/api/imports/customers",
                SecurityHttp.chunked(csvOf(customer, 40_000)), "Content-Type", "text/csv");
        assertThat(imported.statusCode()).as(imported.body()).isEqualTo(200);
        assertThat(fixture.customers(customer)).isEqualTo(1);

        String deployment = EdgeFixture.id("mid-deployment");
        HttpResponse<String> deployed = boss().send("POST", "/engine-rest/deployment/create",
                SecurityHttp.chunked(EdgeFixture.deployment(deployment, bpmnOf(30_000))), "Content-Type", EdgeFixture.multipartType());
        assertThat(deployed.statusCode()).as(deployed.body()).isEqualTo(200);
        assertThat(fixture.deployments(deployment)).isEqualTo(1);

        String customerJson = EdgeFixture.id("C-MID");
        assertThat(boss().send("PUT", "/api/customers/" + customerJson, SecurityHttp.chunked(padded(EdgeFixture.customerJson(), 7_000)),
                "Content-Type", "application/json").statusCode()).isEqualTo(201);
    }

    @Test
    void theWebappsEngineApiIsCappedToo() {
        SecurityHttp tasklist = SecurityHttp.webappLogin(port, SecurityIntegrationTest.ENGINE, "tasklist", EdgeFixture.BOSS, TestUsers.PASSWORD);
        String query = "/camunda/api/engine/engine/" + SecurityIntegrationTest.ENGINE + "/task";
        // the cap is the only difference: the same query under the cap gets the same answer as a tiny one
        int tiny = tasklist.postJson(query, "{\"name\":\"x\"}").statusCode();
        assertThat(tiny).isNotEqualTo(413);
        assertThat(tasklist.send("POST", query, SecurityHttp.chunked(padded("{\"name\":\"x\"}", 7_000)),
                "Content-Type", "application/json").statusCode()).isEqualTo(tiny);
        HttpResponse<String> oversized = tasklist.send("POST", query, SecurityHttp.chunked(padded("{\"name\":\"x\"}", 20_000)),
                "Content-Type", "application/json");
        assertThat(oversized.statusCode()).isEqualTo(413);
        assertThat(oversized.body()).contains("Request body too large");
    }

    @Test
    void anOversizedWebappLoginFormIsRefused() {
        String form = "username=admin&password=" + "x".repeat(10_000);
        HttpResponse<String> response = SecurityHttp.anonymous(port).send("POST",
                "/camunda/api/admin/auth/user/" + SecurityIntegrationTest.ENGINE + "/login/tasklist",
                BodyPublishers.ofString(form), "Content-Type", "application/x-www-form-urlencoded");
        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.body()).contains("Login form too large");
    }

    private SecurityHttp boss() {
        return SecurityHttp.basic(port, EdgeFixture.BOSS, TestUsers.PASSWORD);
    }

    /** A valid customer CSV of about {@code size} bytes whose first row is {@code customerId}. */
    private static byte[] csvOf(String customerId, int size) {
        StringBuilder csv = new StringBuilder(new String(EdgeFixture.customersCsv(customerId), StandardCharsets.UTF_8));
        for (int row = 0; csv.length() < size; row++) {
            csv.append(customerId).append("-").append(row).append(",Pad Row,en,BG,Street ").append(row).append('\n');
        }
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** The same JSON, made about {@code size} bytes long with whitespace (still valid JSON). */
    private static byte[] padded(String json, int size) {
        return (json.substring(0, json.length() - 1) + " ".repeat(Math.max(0, size - json.length())) + "}")
                .getBytes(StandardCharsets.UTF_8);
    }

    /** A valid BPMN model of about {@code size} bytes (a long documentation text). */
    private static byte[] bpmnOf(int size) {
        String model = new String(EdgeFixture.userTaskBpmn(), StandardCharsets.UTF_8);
        String documentation = "<documentation>" + "x".repeat(size) + "</documentation>";
        return model.replace("<startEvent id=\"s\"/>", documentation + "<startEvent id=\"s\"/>").getBytes(StandardCharsets.UTF_8);
    }
}
