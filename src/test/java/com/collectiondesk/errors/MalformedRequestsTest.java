package com.collectiondesk.errors;

import static org.assertj.core.api.Assertions.assertThat;

import com.collectiondesk.support.IntegrationTest;
import com.collectiondesk.support.TestUsers;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The malformed-bodies class of the hostile corpus: bodies too deep, not JSON, of the wrong types, with duplicate
 * keys or numbers no field holds, and parameters that are no date or no known value, sent to our API and to the
 * engine REST API by a caller allowed to call them. Each is answered 400 problem+json in plain words, without a
 * Java class name, and stores nothing.
 */
@IntegrationTest
class MalformedRequestsTest {

    private static final String ENGINE = "/engine-rest/engine/{engine}";
    private static final String JSON = "application/json";
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(MalformedRequestsTest.class);
    /** A package-qualified Java name (org.camunda…, com.fasterxml…, java.lang…) or a well-known exception's simple name. */
    private static final String CLASS_NAME = "(?s).*(\\b(org|com|java|javax|jakarta)\\.[a-z]+\\.|[A-Z][A-Za-z]*(Exception|Error)\\b|\\tat ).*";

    @LocalServerPort int port;
    @Autowired ProcessEngine engine;
    @Autowired JdbcTemplate jdbc;

    record Hostile(String method, String path, String contentType, String body) {
        @Override
        public String toString() {
            return method + " " + path + " " + (body == null ? "" : body.length() > 60 ? body.substring(0, 60) + "…" : body);
        }
    }

    static Stream<Arguments> corpus() {
        String customer = "{\"name\":\"Ivan Petrov\",\"language\":\"bg\",\"country\":\"BG\",\"address\":\"ul. Vitosha 1\"";
        String payment = "{\"paymentId\":\"P-H1\",\"customerId\":\"C-H1\",\"currency\":\"EUR\",\"paidOn\":\"2026-10-15\"";
        String deep = "[".repeat(1200) + "]".repeat(1200);
        String deepObject = "{\"a\":".repeat(1200) + "1" + "}".repeat(1200);
        return Stream.of(
                // our API: bodies
                hostile("PUT", "/api/customers/C-H1", JSON, customer + ",\"phone\":" + deep + "}", null),
                hostile("PUT", "/api/customers/C-H1", JSON, deepObject, null),
                hostile("PUT", "/api/customers/C-H1", JSON, customer + ",\"smsOptOut\":", null),
                hostile("PUT", "/api/customers/C-H1", JSON, customer + ",\"smsOptOut\":{\"a\":1}}", "smsOptOut"),
                hostile("PUT", "/api/customers/C-H1", JSON, customer + ",\"name\":\"Someone Else\"}", "name"),
                hostile("PUT", "/api/customers/C-H1", JSON, "[" + customer + "}]", null),
                hostile("PUT", "/api/customers/C-H1", JSON, "\"just a string\"", null),
                hostile("PUT", "/api/customers/C-H1", JSON, "", null),
                hostile("POST", "/api/payments", JSON, payment + ",\"amount\":\"ten\"}", "amount"),
                hostile("POST", "/api/payments", JSON, payment + ",\"amount\":[1,2]}", "amount"),
                hostile("POST", "/api/payments", JSON, payment + ",\"amount\":1" + "0".repeat(1500) + "}", null),
                hostile("POST", "/api/payments", JSON, payment + ",\"amount\":10.00,\"amount\":10000.00}", "amount"),
                hostile("POST", "/api/payments", JSON, payment + ",\"amount\":NaN}", null),
                hostile("POST", "/api/payments", JSON, payment + ",\"amount\":10.00,\"x\":" + deep + "}", null),
                hostile("POST", "/api/tickets/T-2026-999999/promises", JSON, "{\"amount\":10,\"date\":\"2026-02-30\"}", "date"),
                hostile("POST", "/api/tickets/T-2026-999999/promises", JSON, "{\"amount\":true,\"date\":\"2026-12-30\"}", "amount"),
                hostile("POST", "/api/tickets/T-2026-999999/promises", JSON, "{\"amount\":10,\"date\":" + deep + "}", null),
                hostile("POST", "/api/tickets/T-2026-999999/promises", JSON, "{\"amount\":1E+20,\"date\":\"2026-12-30\"}", "amount"),
                hostile("POST", "/api/tickets/T-2026-999999/disputes", JSON, "{\"reason\":{\"x\":1},\"amount\":5}", "reason"),
                hostile("POST", "/api/tickets/T-2026-999999/disputes", JSON,
                        "{\"reason\":\"not mine\",\"amount\":123456789012345678901.5}", "amount"),
                hostile("PUT", "/api/tickets/T-2026-999999/owner", JSON, "{\"owner\":", null),
                hostile("PUT", "/api/collectors/hostile-collector", JSON,
                        "{\"languages\":\"en\",\"productTypes\":[\"UTILITY\"],\"available\":true}", "languages"),
                hostile("PUT", "/api/collectors/hostile-collector", JSON,
                        "{\"languages\":[\"en\"],\"productTypes\":[\"UTILITY\"],\"available\":\"sometimes\"}", "available"),
                hostile("POST", "/api/outreach/sends/k-1/settlement", JSON, "{\"outcome\":\"MAYBE\"}", "outcome"),
                hostile("POST", "/api/imports/customers", "multipart/form-data; boundary=nowhere",
                        "--elsewhere\r\nContent-Disposition: form-data; name=\"file\"\r\n\r\ncustomer_id\r\n", null),
                // our API: parameters
                hostile("POST", "/api/scans?asOf=2026-13-45", null, null, "asOf"),
                hostile("POST", "/api/scans?asOf=yesterday", null, null, "asOf"),
                hostile("GET", "/api/scans/not-a-number", null, null, "id"),
                hostile("GET", "/api/tickets?status=FOO", null, null, "status"),
                hostile("GET", "/api/tickets?page=abc", null, null, "page"),
                hostile("GET", "/api/letters/batches/2026-02-30", null, null, "date"),
                hostile("GET", "/api/reports/aging?asOf=31.12.2026", null, null, "asOf"),
                // engine REST API: deployments
                hostile("POST", ENGINE + "/deployment/create", "multipart", "bpmn/broken.bpmn|<definitions><process id=", null),
                hostile("POST", ENGINE + "/deployment/create", "multipart", "dmn/broken.dmn|this is not XML at all", null),
                hostile("POST", ENGINE + "/deployment/create", "multipart", "dmn/empty.dmn|<?xml version=\"1.0\"?>"
                        + "<definitions xmlns=\"https://www.omg.org/spec/DMN/20191111/MODEL/\" id=\"d\" name=\"d\" namespace=\"x\">"
                        + "<decision id=\"x\"><decisionTable><output id=\"o\"/><rule><outputEntry><text>\"a\"</text></outputEntry>"
                        + "<outputEntry><text>\"b\"</text></outputEntry></rule></decisionTable></decision></definitions>", null),
                hostile("POST", ENGINE + "/deployment/create", "multipart", "|", null),
                // engine REST API: bodies and parameters
                hostile("POST", ENGINE + "/process-definition/key/delinquency-ticket/start", JSON, "{\"variables\": {", null),
                hostile("POST", ENGINE + "/process-definition/key/delinquency-ticket/start", JSON,
                        "{\"variables\":{\"ticketId\":{\"value\":\"abc\",\"type\":\"Long\"}}}", null),
                hostile("POST", ENGINE + "/process-definition/key/delinquency-ticket/start", JSON,
                        "{\"variables\":{\"ticketId\":{\"value\":\"2026-99-99\",\"type\":\"Date\"}}}", null),
                hostile("POST", ENGINE + "/process-definition/key/delinquency-ticket/start", JSON,
                        "{\"variables\":{\"facts\":{\"value\":\"rO0ABXNyABFqYXZhLnV0aWwuSGFzaE1hcA\",\"type\":\"Object\","
                        + "\"valueInfo\":{\"objectTypeName\":\"java.util.HashMap\","
                        + "\"serializationDataFormat\":\"application/x-java-serialized-object\"}}}}", null),
                hostile("POST", ENGINE + "/process-definition/key/delinquency-ticket/start", JSON,
                        "{\"variables\":{\"facts\":{\"value\":1,\"type\":\"NoSuchType\"}}}", null),
                hostile("POST", ENGINE + "/process-definition/key/delinquency-ticket/start", JSON,
                        "{\"variables\":" + deep + "}", null),
                hostile("POST", ENGINE + "/process-definition/key/delinquency-ticket/start", JSON, "{\"variables\":[1,2,3]}", null),
                hostile("POST", ENGINE + "/message", JSON, "{\"processVariables\":{}}", null),
                hostile("POST", ENGINE + "/message", JSON,
                        "{\"messageName\":\"ScanRequested\",\"processVariables\":{\"scanId\":{\"value\":\"x\",\"type\":\"Long\"}}}", null),
                hostile("POST", ENGINE + "/task", JSON, "{\"sorting\":[{\"sortBy\":\"FOO\",\"sortOrder\":\"asc\"}]}", null),
                hostile("GET", ENGINE + "/task?createdAfter=not-a-date", null, null, null),
                hostile("GET", ENGINE + "/process-instance?sortBy=FOO&sortOrder=asc", null, null, null),
                hostile("GET", ENGINE + "/task?maxResults=abc", null, null, null),
                hostile("POST", ENGINE + "/process-instance", JSON, "{\"processInstanceIds\":\"not-a-list\"}", null),
                hostile("POST", ENGINE + "/decision-definition/key/ticket-segment/evaluate", JSON,
                        "{\"variables\":{\"maxDpd\":{\"value\":\"many\",\"type\":\"Integer\"}}}", null));
    }

    private static Arguments hostile(String method, String path, String contentType, String body, String field) {
        return Arguments.of(new Hostile(method, path, contentType, body), field);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void isRefusedWith400ProblemJsonInPlainWordsAndStoresNothing(Hostile request, String field) throws Exception {
        Map<String, Long> before = stored();

        HttpResponse<String> response = send(request);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).as(response.body())
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        JsonNode problem = MAPPER.readTree(response.body());
        log.info("Refused {}: {} {}", request, response.statusCode(), problem.path("detail").asText());
        assertThat(problem.get("status").asInt()).isEqualTo(400);
        assertThat(problem.path("title").asText()).isNotBlank();
        assertThat(problem.path("detail").asText()).isNotBlank();
        assertThat(response.body()).as("no Java class names or stack traces").doesNotMatch(CLASS_NAME);
        if (field != null) {
            assertThat(problem.path("field").asText(problem.path("parameter").asText())).as(response.body()).isEqualTo(field);
        }
        assertThat(stored()).as("nothing stored").isEqualTo(before);
    }

    /** Row counts of every table a request could write to, the service's and the engine's. */
    private Map<String, Long> stored() {
        Map<String, Long> counts = new TreeMap<>();
        for (String table : List.of("customer", "payment", "payment_allocation", "ticket", "promise", "dispute",
                "collector_profile", "scan_run", "ACT_RE_DEPLOYMENT", "ACT_GE_BYTEARRAY", "ACT_RU_EXECUTION",
                "ACT_RU_VARIABLE", "ACT_HI_PROCINST", "ACT_RU_TASK")) {
            counts.put(table, jdbc.queryForObject("select count(*) from " + table, Long.class));
        }
        return counts;
    }

    private HttpResponse<String> send(Hostile hostile) throws IOException, InterruptedException {
        String path = hostile.path().replace("{engine}", engine.getName());
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Accept", "application/json, */*;q=0.5")
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        (TestUsers.ADMIN + ":" + TestUsers.ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8)));
        HttpRequest.BodyPublisher body = HttpRequest.BodyPublishers.noBody();
        if ("multipart".equals(hostile.contentType())) {
            String[] file = hostile.body().split("\\|", 2);
            String boundary = "----collection-desk-hostile";
            String part = file[0].isEmpty() ? "" : "--" + boundary + "\r\nContent-Disposition: form-data; name=\"data\"; filename=\""
                    + file[0] + "\"\r\nContent-Type: application/octet-stream\r\n\r\n" + file[1] + "\r\n";
            String multipart = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"deployment-name\"\r\n\r\nhostile\r\n"
                    + part + "--" + boundary + "--\r\n";
            request.header("Content-Type", "multipart/form-data; boundary=" + boundary);
            body = HttpRequest.BodyPublishers.ofString(multipart);
        } else if (hostile.contentType() != null) {
            request.header("Content-Type", hostile.contentType());
            body = HttpRequest.BodyPublishers.ofString(hostile.body());
        }
        return HttpClient.newHttpClient().send(request.method(hostile.method(), body).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
