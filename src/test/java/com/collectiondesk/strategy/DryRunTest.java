package com.collectiondesk.strategy;

import static org.assertj.core.api.Assertions.assertThat;

import com.collectiondesk.ledger.Customer;
import com.collectiondesk.security.Groups;
import com.collectiondesk.support.IntegrationTest;
import com.collectiondesk.support.TestUsers;
import com.collectiondesk.support.ledger.Debtors;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.ApplicationContext;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

/**
 * The dry-run over a fixture portfolio, today Monday 2 March 2026, every ticket opened today but G. The candidate
 * segment table makes HARD from 60 days past due (shipped: 90) and SOFT up to 200 owed (shipped: 100).
 *
 * <pre>
 * ticket  debtor               product       DPD  owed  shipped → candidate segment
 * A       Anna, risk 100       CONSUMER_LOAN  70   500  STANDARD → HARD
 * A2      Anna (BGN)           CONSUMER_LOAN  70   300  STANDARD → HARD
 * B       Boris, SMS opt-out   CONSUMER_LOAN  95   400  HARD → HARD
 * C       Cleo                 CONSUMER_LOAN  10   150  STANDARD → SOFT
 * C2      Cyril, risk 500      CONSUMER_LOAN  10   150  STANDARD → STANDARD (SOFT needs a risk score under 400)
 * D       Dora, ceased contact CONSUMER_LOAN  10    50  SOFT → SOFT
 * E       Emil                 B2B_INVOICE    20  1000  B2B → B2B
 * F       Fani (a step planned) CONSUMER_LOAN 20   500  STANDARD → STANDARD
 * G       Gabi, CLOSED, opened 1 February      70   200  STANDARD → HARD (only with openedInLastMonths)
 * </pre>
 */
@IntegrationTest
@TestPropertySource(properties = {"collection.reports.snapshot-cron=-", "collection.contact-costs.sms=0.10",
        "collection.contact-costs.email=0.02", "collection.contact-costs.letter=1.50", "collection.contact-costs.call-minute=0.50",
        "collection.contact-costs.call-minutes=4", "collection.contact-costs.currency=EUR"})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DryRunTest {

    private static final ZoneId ZONE = ZoneId.of("Europe/Sofia");
    private static final LocalDate TODAY = LocalDate.of(2026, 3, 2);

    @Autowired TestRestTemplate http;
    @Autowired JdbcTemplate jdbc;
    @Autowired IdentityService identity;
    @Autowired ApplicationContext context;
    @Autowired ProcessEngine engine;
    @Autowired DryRun dryRuns;

    private long nextId = 9500;

    @BeforeAll
    void portfolio() {
        TestUsers.ensure(identity, "alex", Groups.ANALYSTS);
        TestUsers.ensure(identity, "maria", Groups.MANAGERS);
        TestUsers.ensure(identity, "carla", Groups.COLLECTORS);
        ClockUtil.setCurrentTime(Date.from(ZonedDateTime.of(TODAY.atTime(10, 0), ZONE).toInstant()));
        Customer anna = debtors().debtor("DRY-A").name("Anna").riskScore(100).book();
        ticket("A", anna, "EUR", "CONSUMER_LOAN", 70, "500", "STANDARD", TODAY, true);
        ticket("A2", anna, "BGN", "CONSUMER_LOAN", 70, "300", "STANDARD", TODAY, true);
        ticket("B", debtors().debtor("DRY-B").name("Boris").smsOptOut(true).book(), "EUR", "CONSUMER_LOAN", 95, "400", "HARD", TODAY, true);
        ticket("C", debtors().debtor("DRY-C").name("Cleo").riskScore(0).book(), "EUR", "CONSUMER_LOAN", 10, "150", "STANDARD", TODAY, true);
        ticket("C2", debtors().debtor("DRY-C2").name("Cyril").riskScore(500).book(), "EUR", "CONSUMER_LOAN", 10, "150", "STANDARD",
                TODAY, true);
        ticket("D", debtors().debtor("DRY-D").name("Dora").ceasedCommunication(true).book(), "EUR", "CONSUMER_LOAN", 10, "50", "SOFT",
                TODAY, true);
        ticket("E", debtors().debtor("DRY-E").name("Emil").book(), "EUR", "B2B_INVOICE", 20, "1000", "B2B", TODAY, true);
        long f = ticket("F", debtors().debtor("DRY-F").name("Fani").book(), "EUR", "CONSUMER_LOAN", 20, "500", "STANDARD", TODAY, true);
        jdbc.update("insert into ticket_step (id, ticket_fk, plan_round, step_index, day_offset, channel, template_id, due_at)"
                + " values (?, ?, 1, 0, 0, 'SMS', 'sms-reminder', ?)", nextId++, f, Timestamp.from(TODAY.atTime(9, 0).atZone(ZONE).toInstant()));
        ticket("G", debtors().debtor("DRY-G").name("Gabi").book(), "EUR", "CONSUMER_LOAN", 70, "200", "STANDARD",
                LocalDate.of(2026, 2, 1), false);
    }

    @AfterAll
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void theSegmentMatrixOfTheOpenTicketsFromTheShippedDecisionToTheCandidate() throws IOException {
        JsonNode result = dryRun("alex", Map.of("segment", segmentCandidate()), null);

        assertThat(result.get("tickets").asInt()).isEqualTo(8);
        assertThat(result.get("openTickets").asInt()).isEqualTo(8);
        assertThat(result.get("segmentFrom").asText()).isEqualTo("ticket-segment v1");
        assertThat(result.get("segmentTo").asText()).isEqualTo("ticket-segment (candidate)");
        assertThat(result.get("strategy").asText()).isEqualTo("collection-strategy v1");
        assertThat(matrix(result)).containsExactly("B2B → B2B: 1", "HARD → HARD: 1", "SOFT → SOFT: 1", "STANDARD → HARD: 2",
                "STANDARD → SOFT: 1", "STANDARD → STANDARD: 2");
        assertThat(result.get("segments").get("changed").asInt()).isEqualTo(3);
        assertThat(result.get("plansEmptyOrInvalid").asInt()).isZero();
    }

    @Test
    void withTheLastMonthsTheTicketsOpenedThenCountInTheMatrixButMakeNoContacts() throws IOException {
        JsonNode result = dryRun("maria", Map.of("segment", segmentCandidate()), "2");

        assertThat(result.get("tickets").asInt()).isEqualTo(9);
        assertThat(result.get("openTickets").asInt()).isEqualTo(8);
        assertThat(matrix(result)).contains("STANDARD → HARD: 3");
        assertThat(result.get("segments").get("changed").asInt()).isEqualTo(4);
        assertThat(result.get("contacts").get("perChannel").toString())
                .isEqualTo("{\"SMS\":4,\"EMAIL\":2,\"CALL\":7,\"LETTER\":5,\"ESCALATE\":6}");
    }

    /**
     * The candidate's plans, counted from the opening day (the shipped strategy): HARD = CALL day 0, SMS 2, LETTER 5,
     * ESCALATE 10; SOFT = EMAIL 3, SMS 7, CALL 14, ESCALATE 30 (2 April: after the 30 days); STANDARD = SMS 0, CALL 5,
     * LETTER 10, ESCALATE 20; B2B = EMAIL 1, CALL 7, LETTER 14, ESCALATE 21. Refused by the policy: Dora's three
     * contacts (ceased), Boris's SMS (opt-out), A2's SMS and letter (Anna has them from A the same day). Cost:
     * 4 SMS × 0.10 + 7 calls × 4 min × 0.50 + 2 e-mails × 0.02 + 5 letters × 1.50 = 21.94 EUR.
     */
    @Test
    void theContactsPerChannelAndDayOfTheNextThirtyDaysAfterTheStaticRulesAndTheirCost() throws IOException {
        JsonNode contacts = dryRun("alex", Map.of("segment", segmentCandidate()), null).get("contacts");

        assertThat(contacts.get("from").asText()).isEqualTo("2026-03-02");
        assertThat(contacts.get("until").asText()).isEqualTo("2026-04-01");
        assertThat(contacts.get("perChannel").toString()).isEqualTo("{\"SMS\":4,\"EMAIL\":2,\"CALL\":7,\"LETTER\":5,\"ESCALATE\":6}");
        assertThat(contacts.get("perDay").get(0).toString()).isEqualTo("{\"day\":\"2026-03-02\",\"SMS\":2,\"CALL\":3}");
        assertThat(contacts.get("perDay").get(1).toString()).isEqualTo("{\"day\":\"2026-03-03\",\"EMAIL\":1}");
        assertThat(contacts.get("refusedByPolicy").toString()).isEqualTo(
                "{\"ceased communication\":3,\"one LETTER a day\":1,\"one SMS a day\":1,\"sms opt-out\":1}");
        assertThat(contacts.get("cost").decimalValue()).isEqualByComparingTo("21.94");
        assertThat(contacts.get("costCurrency").asText()).isEqualTo("EUR");
        assertThat(contacts.get("costPerChannel").get("CALL").decimalValue()).isEqualByComparingTo("14.00");
        // beside it, the deployed models' plans: A and C STANDARD (SMS, CALL, LETTER, ESCALATE), C SOFT is no more
        JsonNode deployed = dryRun("alex", Map.of("segment", segmentCandidate()), null).get("contactsOfDeployedModels");
        assertThat(deployed.get("perChannel").toString()).isEqualTo("{\"SMS\":4,\"EMAIL\":1,\"CALL\":7,\"LETTER\":6,\"ESCALATE\":7}");
        assertThat(deployed.get("cost").decimalValue()).isEqualByComparingTo("23.42");
    }

    @Test
    void theTicketsWhosePlanWouldBeEmptyAreListed() throws IOException {
        JsonNode result = dryRun("alex", Map.of("segment", segmentCandidate(), "strategy", strategyWithoutSoft()), null);

        assertThat(result.get("plansEmptyOrInvalid").asInt()).isEqualTo(2);
        List<String> listed = new ArrayList<>();
        result.get("plansEmptyOrInvalidListed").forEach(problem -> listed.add(problem.get("ticketNumber").asText() + " "
                + problem.get("segment").asText() + ": " + problem.get("problem").asText()));
        assertThat(listed).containsExactly(
                "T-DRY-C SOFT: empty plan: collection-strategy (candidate) gives no step for segment SOFT, product CONSUMER_LOAN",
                "T-DRY-D SOFT: empty plan: collection-strategy (candidate) gives no step for segment SOFT, product CONSUMER_LOAN");
        assertThat(result.get("contacts").get("perChannel").get("EMAIL").asInt()).isEqualTo(1); // E's only
    }

    @Test
    void aDryRunChangesNothing() throws IOException {
        Map<String, Object> before = state();

        dryRun("alex", Map.of("segment", segmentCandidate(), "strategy", strategyWithoutSoft()), "3");

        assertThat(state()).isEqualTo(before);
        assertThat(before.get("steps")).isEqualTo(1);
    }

    @Test
    void theDeployedModelsADryRunComparesWithAreNamedForAnalystsOnly() {
        JsonNode models = http.withBasicAuth("alex", TestUsers.PASSWORD).getForObject("/api/strategy/dry-runs/deployed-models",
                JsonNode.class);

        assertThat(models.get(0).get("name").asText()).isEqualTo("ticket-segment v1");
        assertThat(models.get(1).get("name").asText()).isEqualTo("collection-strategy v1");
        assertThat(models.get(0).get("version").asInt()).isEqualTo(1);
        assertThat(models.get(0).get("deployedAt").asText()).matches("\\d{4}-\\d{2}-\\d{2}T.*");
        ResponseEntity<JsonNode> collector = http.withBasicAuth("carla", TestUsers.PASSWORD)
                .getForEntity("/api/strategy/dry-runs/deployed-models", JsonNode.class);
        assertThat(collector.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    }

    /** What a start does in the background (collection.strategy.dry-run.warm-up-tickets, off in tests). */
    @Test
    void theWarmUpOverMadeUpTicketsChangesNothingAndNoDryRunsAnswer() throws IOException {
        ObjectNode before = (ObjectNode) dryRun("alex", Map.of("segment", segmentCandidate()), null);
        Map<String, Object> state = state();

        dryRuns.warmUp(2_000);

        assertThat(state()).isEqualTo(state);
        ObjectNode after = (ObjectNode) dryRun("alex", Map.of("segment", segmentCandidate()), null);
        before.remove("elapsedMillis");
        after.remove("elapsedMillis");
        assertThat(after).isEqualTo(before);
    }

    @Test
    void anInvalidCandidateIsRefusedNamingTheElementAndNothingIsEvaluated() throws IOException {
        String medium = segmentCandidate().replace(
                "<outputEntry id=\"ticket-segment-rule-6-out-0\"><text>&quot;STANDARD&quot;</text></outputEntry>",
                "<outputEntry id=\"ticket-segment-rule-6-out-0\"><text>&quot;MEDIUM&quot;</text></outputEntry>");
        JsonNode refused = refusal("alex", Map.of("segment", medium));
        assertThat(refused.get("field").asText()).isEqualTo("segment");
        assertThat(refused.get("detail").asText()).isEqualTo("segment: segment.dmn has the output 'MEDIUM' in rule"
                + " 'ticket-segment-rule-6' of decision 'ticket-segment', column 'segment', which allows only 'STANDARD',"
                + " 'SOFT', 'HARD', 'B2B' — " + "an output column with allowed values (outputValues) takes only those;"
                + " add a new value to the column's allowed values, and to the code that reads it, first.");

        String pigeon = shipped("dmn/collection-strategy.dmn")
                .replaceAll("(?s)<outputValues id=\"collection-strategy-out-1-values\">.*?</outputValues>", "")
                .replace("<outputEntry id=\"collection-strategy-rule-1-out-1\"><text>&quot;SMS&quot;</text></outputEntry>",
                        "<outputEntry id=\"collection-strategy-rule-1-out-1\"><text>&quot;PIGEON&quot;</text></outputEntry>");
        JsonNode strategy = refusal("alex", Map.of("segment", segmentCandidate(), "strategy", pigeon));
        assertThat(strategy.get("field").asText()).isEqualTo("strategy");
        assertThat(strategy.get("detail").asText()).startsWith("strategy: strategy.dmn decision table 'collection-strategy' rule"
                + " 'collection-strategy-rule-1' (rule 1) gives the channel '\"PIGEON\"', which is not a channel — the channel column");

        JsonNode wrongFile = refusal("alex", Map.of("segment", shipped("dmn/collection-strategy.dmn")));
        assertThat(wrongFile.get("detail").asText()).isEqualTo("segment: segment.dmn has no decision with id 'ticket-segment'");
        JsonNode script = refusal("alex", Map.of("segment", segmentCandidate().replace("expressionLanguage=\"feel\"",
                "expressionLanguage=\"javascript\"")));
        assertThat(script.get("detail").asText()).contains("in the script language 'javascript'").doesNotContain("Exception");
    }

    @Test
    void anythingButACandidateFileIsRefusedAndACollectorIsNotLetIn() throws IOException {
        JsonNode none = refusal("alex", Map.of());
        assertThat(none.get("detail").asText()).isEqualTo("segment: send a candidate: the DMN XML of a 'segment' and/or a 'strategy' decision");
        ResponseEntity<JsonNode> months = post("alex", Map.of("segment", segmentCandidate()), "36");
        assertThat(months.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(months.getBody().get("field").asText()).isEqualTo("openedInLastMonths");

        ResponseEntity<JsonNode> collector = post("carla", Map.of("segment", segmentCandidate()), null);
        assertThat(collector.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(collector.getHeaders().getContentType().toString()).startsWith("application/problem+json");
        assertThat(collector.getBody().has("segments")).isFalse();
    }

    // ---------------------------------------------------------------- candidates, calls, state

    private static String segmentCandidate() throws IOException {
        String candidate = shipped("dmn/ticket-segment.dmn")
                .replace("<inputEntry id=\"ticket-segment-rule-2-in-0\"><text>&gt; 90</text></inputEntry>",
                        "<inputEntry id=\"ticket-segment-rule-2-in-0\"><text>&gt; 60</text></inputEntry>")
                .replace("<inputEntry id=\"ticket-segment-rule-5-in-1\"><text>&lt; 100</text></inputEntry>",
                        "<inputEntry id=\"ticket-segment-rule-5-in-1\"><text>&lt; 200</text></inputEntry>");
        assertThat(candidate).contains("&gt; 60", "&lt; 200");
        return candidate;
    }

    private static String strategyWithoutSoft() throws IOException {
        String candidate = shipped("dmn/collection-strategy.dmn").replaceAll("(?s)<rule id=\"collection-strategy-rule-[6-9]\">.*?</rule>", "");
        assertThat(candidate).doesNotContain("&quot;SOFT&quot;</text></inputEntry>");
        return candidate;
    }

    private static String shipped(String path) throws IOException {
        return new ClassPathResource(path).getContentAsString(StandardCharsets.UTF_8);
    }

    private JsonNode dryRun(String user, Map<String, String> files, String months) {
        ResponseEntity<JsonNode> answer = post(user, files, months);
        assertThat(answer.getStatusCode()).as(String.valueOf(answer.getBody())).isEqualTo(HttpStatus.OK);
        return answer.getBody();
    }

    private JsonNode refusal(String user, Map<String, String> files) {
        ResponseEntity<JsonNode> answer = post(user, files, null);
        assertThat(answer.getStatusCode()).as(String.valueOf(answer.getBody())).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(answer.getHeaders().getContentType().toString()).startsWith("application/problem+json");
        return answer.getBody();
    }

    private ResponseEntity<JsonNode> post(String user, Map<String, String> candidates, String months) {
        Map<String, Object> body = new TreeMap<>(candidates);
        if (months != null) {
            body.put("openedInLastMonths", Integer.valueOf(months));
        }
        return http.withBasicAuth(user, TestUsers.PASSWORD).postForEntity("/api/strategy/dry-runs", body, JsonNode.class);
    }

    private static List<String> matrix(JsonNode result) {
        List<String> cells = new ArrayList<>();
        result.get("segments").get("matrix").forEach(cell -> cells.add(cell.get("from").asText() + " → " + cell.get("to").asText()
                + ": " + cell.get("tickets").asInt()));
        return cells;
    }

    /** Tickets, their steps and timeline entries through the ticket API; the engine's records through its API. */
    private Map<String, Object> state() {
        Map<String, Object> state = new TreeMap<>();
        JsonNode page = http.withBasicAuth("maria", TestUsers.PASSWORD).getForObject("/api/tickets?size=100", JsonNode.class);
        state.put("tickets", page.get("totalElements").asInt());
        int steps = 0;
        int timeline = 0;
        for (JsonNode ticket : page.get("content")) {
            JsonNode detail = http.withBasicAuth("maria", TestUsers.PASSWORD)
                    .getForObject("/api/tickets/" + ticket.get("ticketNumber").asText(), JsonNode.class);
            steps += detail.get("steps").size();
            timeline += detail.get("timeline").size();
        }
        state.put("steps", steps);
        state.put("timeline", timeline);
        state.put("deployments", engine.getRepositoryService().createDeploymentQuery().count());
        state.put("decisionDefinitions", engine.getRepositoryService().createDecisionDefinitionQuery().count());
        state.put("decisionsEvaluated", engine.getHistoryService().createHistoricDecisionInstanceQuery().count());
        state.put("processInstances", engine.getRuntimeService().createProcessInstanceQuery().count());
        state.put("jobs", engine.getManagementService().createJobQuery().count());
        state.put("decisionMetric", engine.getManagementService().createMetricsQuery().name("executed-decision-elements").sum());
        return state;
    }

    private Debtors debtors() {
        return Debtors.of(context);
    }

    private long ticket(String name, Customer debtor, String currency, String productType, int dpd, String owed, String segment,
                        LocalDate openedOn, boolean open) {
        long id = nextId++;
        jdbc.update("""
                insert into ticket (id, ticket_number, customer_fk, status, close_reason, currency, overdue_amount,
                                    overdue_at_entry, max_dpd, bucket, product_type, segment, strategy, opened_on, closed_at,
                                    owner, created_at, updated_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, '61-90', ?, ?, 'collection-strategy v1', ?, ?, null,
                        current_timestamp, current_timestamp)""",
                id, "T-DRY-" + name, debtor.getId(), open ? "OPEN" : "CLOSED", open ? null : "PAID", currency,
                new BigDecimal(owed), new BigDecimal(owed), dpd, productType, segment, openedOn,
                open ? null : Timestamp.from(TODAY.minusDays(3).atStartOfDay(ZONE).toInstant()));
        return id;
    }
}
