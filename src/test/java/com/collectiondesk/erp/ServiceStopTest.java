package com.collectiondesk.erp;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import com.collectiondesk.ledger.Contract;
import com.collectiondesk.ledger.Customer;
import com.collectiondesk.ticket.TicketProcess;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.util.List;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;

/**
 * An analyst puts a BLOCK_SERVICE step where the B2B strategy's letter was: the ERP is told to block the customer's
 * service when the step is due (retried on failure under the same key), and to unblock it once when the ticket closes.
 */
class ServiceStopTest extends ErpWireMockTestBase {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void theBlockStepTellsTheErpAndTheTicketsCloseTellsItToUnblockOnce() throws Exception {
        Customer debtor = b2bDebtor();
        ProcessInstance instance = untilTheBlock(debtor);

        runNextStep(instance);

        List<LoggedRequest> blocks = events("BLOCK_SERVICE");
        assertThat(blocks).singleElement().satisfies(request -> {
            JsonNode body = JSON.readTree(request.getBodyAsString());
            assertThat(body.get("eventId").asText()).isEqualTo(instance.getBusinessKey() + "/BLOCK_SERVICE");
            assertThat(body.get("ticketNumber").asText()).isEqualTo(instance.getBusinessKey());
            assertThat(body.get("customerId").asText()).isEqualTo(debtor.getCustomerId());
            assertThat(body.get("amount").decimalValue()).isEqualByComparingTo("800.00");
            assertThat(body.get("detail").asText()).contains("block new orders and the service");
            assertThat(request.getHeader("Idempotency-Key")).isEqualTo(instance.getBusinessKey() + "/BLOCK_SERVICE");
            assertThat(request.getHeader("Authorization")).isEqualTo("Bearer erp-test-token");
        });
        assertThat(instance).isWaitingAt(TicketProcess.WAIT_FOR_STEP);
        assertThat(events("UNBLOCK_SERVICE")).isEmpty();

        ledger.pay(debtor, "800.00", TODAY);
        runAsyncJobs(instance);

        assertThat(instance).isEnded().hasPassed("unblock-service-settled");
        assertThat(events("CLOSED")).hasSize(1);
        assertThat(events("UNBLOCK_SERVICE")).singleElement().satisfies(request ->
                assertThat(JSON.readTree(request.getBodyAsString()).get("detail").asText()).contains("ticket closed (PAID)"));
    }

    @Test
    void aFailedBlockIsRetriedUnderTheSameKeyAndReachesTheErpOnceSucceeded() {
        ERP.stubFor(post(urlPathEqualTo(EVENTS)).withRequestBody(matchingJsonPath("$.type", com.github.tomakehurst.wiremock.client.WireMock.equalTo("BLOCK_SERVICE")))
                .inScenario("erp down").whenScenarioStateIs(STARTED).willReturn(aResponse().withStatus(503)).willSetStateTo("up"));
        ERP.stubFor(post(urlPathEqualTo(EVENTS)).inScenario("erp down").whenScenarioStateIs("up")
                .willReturn(aResponse().withStatus(202)));
        ProcessInstance instance = untilTheBlock(b2bDebtor());
        fireTimer(instance);
        Job block = engine.getManagementService().createJobQuery().processInstanceId(instance.getId())
                .activityId(TicketProcess.BLOCK_SERVICE).singleResult();

        assertThatThrownBy(() -> engine.getManagementService().executeJob(block.getId())).hasMessageContaining("503");
        Job retry = engine.getManagementService().createJobQuery().jobId(block.getId()).singleResult();
        assertThat(retry.getRetries()).isEqualTo(2);
        engine.getManagementService().executeJob(retry.getId());
        runAsyncJobs(instance);

        List<LoggedRequest> blocks = events("BLOCK_SERVICE");
        assertThat(blocks).hasSize(2).extracting(request -> request.getHeader("Idempotency-Key")).containsOnly(
                instance.getBusinessKey() + "/BLOCK_SERVICE");
        assertThat(steps.findByTicketIdOrderByPlanRoundAscStepIndexAsc(ticketOf(instance).getId()))
                .filteredOn(step -> step.getChannel().name().equals("BLOCK_SERVICE")).singleElement()
                .satisfies(step -> assertThat(step.getDoneAt()).isNotNull());
        assertThat(instance).isWaitingAt(TicketProcess.WAIT_FOR_STEP);
    }

    @Test
    void aTicketThatNeverBlockedTheServiceClosesWithoutAnUnblock() {
        Customer debtor = standardDebtor();
        ProcessInstance instance = openAndPlan(debtor);

        ledger.pay(debtor, "300.00", TODAY);
        runAsyncJobs(instance);

        assertThat(instance).isEnded().hasPassed(TicketProcess.END_SETTLED);
        assertThat(events("CLOSED")).hasSize(1);
        assertThat(events("UNBLOCK_SERVICE")).isEmpty();
    }

    private Customer b2bDebtor() {
        Customer debtor = ledger.customer(50);
        Contract b2b = ledger.contract(debtor, "B2B_INVOICE");
        ledger.invoice(debtor, b2b, "800.00", TODAY.minusDays(30));
        return debtor;
    }

    /** Opens the B2B ticket on a strategy whose letter is a BLOCK_SERVICE step and runs its e-mail and call. */
    private ProcessInstance untilTheBlock(Customer debtor) {
        String deployment = engine.getRepositoryService().createDeployment().name("b2b-block-service")
                .addString("dmn/collection-strategy.dmn", strategyWithServiceStop()).deploy().getId();
        ProcessInstance instance;
        try {
            instance = openAndPlan(debtor);
        } finally {
            engine.getRepositoryService().deleteDeployment(deployment);
        }
        assertThat(steps.findByTicketIdOrderByPlanRoundAscStepIndexAsc(ticketOf(instance).getId()))
                .extracting(step -> step.getChannel().name()).containsExactly("EMAIL", "CALL", "BLOCK_SERVICE", "ESCALATE");
        runNextStep(instance);
        runNextStep(instance);
        assertThat(instance).isWaitingAt(TicketProcess.CALL_DEBTOR);
        complete(task(instance), withVariables(TicketProcess.CALL_OUTCOME, "NO_ANSWER"));
        return instance;
    }

    /** The shipped strategy table with the B2B letter's rule turned into a BLOCK_SERVICE step (no template). */
    private static String strategyWithServiceStop() {
        try (var in = ServiceStopTest.class.getResourceAsStream("/dmn/collection-strategy.dmn")) {
            String dmn = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            java.util.regex.Matcher rule = java.util.regex.Pattern.compile("<rule id=\"[^\"]+\">(?:(?!</rule>).)*letter-b2b-formal.*?</rule>",
                    java.util.regex.Pattern.DOTALL).matcher(dmn);
            assertThat(rule.find()).isTrue();
            String block = rule.group().replace("&quot;LETTER&quot;", "&quot;BLOCK_SERVICE&quot;")
                    .replace("&quot;letter-b2b-formal&quot;", "");
            return dmn.substring(0, rule.start()) + block + dmn.substring(rule.end());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static List<LoggedRequest> events(String type) {
        return ERP.findAll(postRequestedFor(urlPathEqualTo(EVENTS)).withRequestBody(matchingJsonPath("$.type",
                com.github.tomakehurst.wiremock.client.WireMock.equalTo(type))));
    }
}
