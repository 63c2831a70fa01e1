package com.collectiondesk.simulation;

import static org.assertj.core.api.Assertions.assertThat;

import com.collectiondesk.security.Groups;
import com.collectiondesk.support.IntegrationTest;
import com.collectiondesk.support.TestUsers;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import javax.sql.DataSource;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * {@code POST /api/strategy/simulations} on a small generated portfolio (200 customers of the score's benchmark
 * portfolio, seed 18; 90 days, 5 seeds): reproducible, driven by the contacts (a challenger that never contacts
 * collects less), the same strategy on both sides differs by nothing, nothing stored, hostile requests refused with
 * the field named.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StrategySimulationTest {

    private static final int CUSTOMERS = 200, SEEDS = 5;

    @Autowired TestRestTemplate http;
    @Autowired JdbcTemplate jdbc;
    @Autowired DataSource dataSource;
    @Autowired IdentityService identity;

    @BeforeAll
    void users() {
        TestUsers.ensure(identity, "alex", Groups.ANALYSTS);
        TestUsers.ensure(identity, "carla", Groups.COLLECTORS);
    }

    @Test
    void theSameSeedGivesTheSameResultAndAnotherSeedAnother() throws IOException {
        JsonNode first = simulate(Map.of("strategy", example(), "seed", 7));
        JsonNode again = simulate(Map.of("strategy", example(), "seed", 7));
        JsonNode other = simulate(Map.of("strategy", example(), "seed", 8));

        assertThat(withoutTime(again)).isEqualTo(withoutTime(first));
        assertThat(first.get("tickets").asInt()).isBetween(CUSTOMERS / 10, CUSTOMERS);
        assertThat(kpi(other, "collected_90d").get("champion").asDouble())
                .isNotEqualTo(kpi(first, "collected_90d").get("champion").asDouble());
        assertThat(other.get("tickets").asInt()).as("the same portfolio, other luck").isEqualTo(first.get("tickets").asInt());
        assertThat(first.get("champion").get("strategyDecision").asText()).isEqualTo("collection-strategy v1");
        assertThat(first.get("challenger").get("strategyDecision").asText()).isEqualTo("collection-strategy-challenger (candidate)");
        assertThat(first.get("champion").get("ticketsPerSegment").has("HARD")).isTrue();
        assertThat(first.get("champion").get("ticketsPerSegment").has("STANDARD")).isTrue();
    }

    @Test
    void aChallengerThatNeverContactsCollectsLessThanTheChampion() throws IOException {
        // every segment handed over on day 0: no contact at all
        String silent = shipped("dmn/collection-strategy.dmn").replaceAll("(?s)<rule id=\"collection-strategy-rule-\\d+\">.*?</rule>", "")
                .replace("</decisionTable>", """
                        <rule id="silent-rule-1">
                          <inputEntry id="silent-rule-1-in-0"><text>-</text></inputEntry>
                          <inputEntry id="silent-rule-1-in-1"><text>-</text></inputEntry>
                          <outputEntry id="silent-rule-1-out-0"><text>0</text></outputEntry>
                          <outputEntry id="silent-rule-1-out-1"><text>"ESCALATE"</text></outputEntry>
                          <outputEntry id="silent-rule-1-out-2"><text></text></outputEntry>
                          <outputEntry id="silent-rule-1-out-3"><text></text></outputEntry>
                        </rule>
                        </decisionTable>""");
        JsonNode result = simulate(Map.of("strategy", silent));

        JsonNode collected = kpi(result, "collected_90d");
        assertThat(kpi(result, "contacts_SMS").get("champion").asDouble()).isPositive();
        assertThat(kpi(result, "contacts_CALL").get("challenger").asDouble()).isZero();
        assertThat(kpi(result, "contact_cost").get("challenger").asDouble()).isZero();
        assertThat(collected.get("challenger").asDouble()).isLessThan(collected.get("champion").asDouble());
        assertThat(collected.get("ciHigh").asDouble()).as("the whole interval of the difference below zero").isNegative();
        assertThat(kpi(result, "cure_rate").get("difference").asDouble()).isNegative();
        assertThat(kpi(result, "escalated_share").get("challenger").asDouble()).isEqualTo(1.0);
    }

    @Test
    void theShippedStrategyAgainstItselfDiffersByNothing() throws IOException {
        JsonNode result = simulate(Map.of("strategy", shipped("dmn/collection-strategy.dmn")));

        result.get("kpis").forEach(kpi -> {
            assertThat(kpi.get("difference").asDouble()).as(kpi.get("kpi").asText()).isZero();
            assertThat(kpi.get("challenger").asDouble()).as(kpi.get("kpi").asText()).isEqualTo(kpi.get("champion").asDouble());
        });
        assertThat(kpi(result, "collection_rate_30d").get("champion").asDouble())
                .isLessThanOrEqualTo(kpi(result, "collection_rate_60d").get("champion").asDouble());
        assertThat(result.get("champion").get("refusedByPolicyPerSeed").toString()).doesNotContain("Exception");
    }

    @Test
    void theSimulationChangesNothingInTheDatabase() throws Exception {
        Map<String, Long> before = rowCounts();
        simulate(Map.of("strategy", example(), "seed", 3));
        refused(Map.of("strategy", "<definitions"), "strategy");

        assertThat(rowCounts()).isEqualTo(before);
    }

    @Test
    void aHostileRequestIsRefusedNamingTheField() throws IOException {
        String example = example();
        assertThat(refused(Map.of("strategy", example, "customers", 1_000_000), "customers").get("detail").asText())
                .isEqualTo("customers: a whole number from 100 to 10000, not 1000000");
        assertThat(refused(Map.of("strategy", example, "days", 3650), "days").get("detail").asText())
                .isEqualTo("days: a whole number from 1 to 180, not 3650");
        assertThat(refused(Map.of("strategy", example, "seeds", 1), "seeds").get("detail").asText())
                .isEqualTo("seeds: a whole number from 2 to 50, not 1");
        assertThat(refused(Map.of("strategy", example, "customers", 10_000, "seeds", 50), "seeds").get("detail").asText())
                .isEqualTo("seeds: customers × seeds is at most 200000, not 10000 × 50: ask for fewer seeds or customers");
        assertThat(refused(Map.of(), "strategy").get("detail").asText()).isEqualTo("strategy: send a challenger: the DMN XML of"
                + " a 'strategy' and/or a 'segment' decision (no collection-strategy-challenger is deployed)");
        assertThat(refused(Map.of("strategy", example.replace("&quot;LETTER&quot;", "&quot;LETER&quot;")), "strategy")
                .get("detail").asText()).contains("collection-strategy-challenger-rule-7", "LETER").doesNotContain("Exception");
        assertThat(refused(Map.of("strategy", "<definitions"), "strategy").get("detail").asText())
                .startsWith("strategy: strategy.dmn").doesNotContain("Exception");
        assertThat(refused(Map.of("strategy", shipped("dmn/ticket-segment.dmn")), "strategy").get("detail").asText())
                .isEqualTo("strategy: strategy.dmn has no decision with id 'collection-strategy' or 'collection-strategy-challenger'");
        assertThat(refused(Map.of("segment", example), "segment").get("detail").asText())
                .isEqualTo("segment: segment.dmn has no decision with id 'ticket-segment'");

        ResponseEntity<JsonNode> collector = post("carla", Map.of("strategy", example));
        assertThat(collector.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(collector.getBody().has("kpis")).isFalse();
    }

    // ---------------------------------------------------------------- calls and state

    private static String example() throws IOException {
        return Files.readString(Path.of("docs/examples/collection-strategy-challenger.dmn"), StandardCharsets.UTF_8);
    }

    private static String shipped(String path) throws IOException {
        return new ClassPathResource(path).getContentAsString(StandardCharsets.UTF_8);
    }

    private JsonNode simulate(Map<String, Object> request) {
        ResponseEntity<JsonNode> answer = post("alex", request);
        assertThat(answer.getStatusCode()).as(String.valueOf(answer.getBody())).isEqualTo(HttpStatus.OK);
        return answer.getBody();
    }

    private JsonNode refused(Map<String, Object> request, String field) {
        ResponseEntity<JsonNode> answer = post("alex", request);
        assertThat(answer.getStatusCode()).as(String.valueOf(answer.getBody())).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(answer.getHeaders().getContentType().toString()).startsWith("application/problem+json");
        assertThat(answer.getBody().get("field").asText()).isEqualTo(field);
        return answer.getBody();
    }

    private ResponseEntity<JsonNode> post(String user, Map<String, Object> request) {
        Map<String, Object> body = new HashMap<>(Map.of("customers", CUSTOMERS, "seeds", SEEDS));
        body.putAll(request);
        return http.withBasicAuth(user, TestUsers.PASSWORD).postForEntity("/api/strategy/simulations", body, JsonNode.class);
    }

    private static JsonNode kpi(JsonNode result, String name) {
        for (JsonNode kpi : result.get("kpis")) {
            if (kpi.get("kpi").asText().equals(name)) {
                return kpi;
            }
        }
        throw new AssertionError("no kpi " + name + " in " + result.get("kpis"));
    }

    private static JsonNode withoutTime(JsonNode result) {
        ObjectNode copy = result.deepCopy();
        copy.remove("elapsedMillis");
        return copy;
    }

    /** Every table of the service's database (the engine's included) and its rows. */
    private Map<String, Long> rowCounts() throws Exception {
        Map<String, Long> counts = new TreeMap<>();
        try (Connection connection = dataSource.getConnection();
             ResultSet tables = connection.getMetaData().getTables(null, null, "%", new String[] {"TABLE"})) {
            while (tables.next()) {
                String schema = tables.getString("TABLE_SCHEM");
                if (!"INFORMATION_SCHEMA".equalsIgnoreCase(schema)) {
                    String table = schema + ".\"" + tables.getString("TABLE_NAME") + "\"";
                    counts.put(table, jdbc.queryForObject("select count(*) from " + table, Long.class));
                }
            }
        }
        assertThat(counts).hasSizeGreaterThan(50);
        return counts;
    }
}
