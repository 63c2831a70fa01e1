package com.collectiondesk.credit;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.collectiondesk.erp.ErpWireMockTestBase;
import com.collectiondesk.ledger.Customer;
import com.collectiondesk.support.TestUsers;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The daily scan's credit step with the shipped credit-limit decision: a big increase waits for a manager's approval
 * in Tasklist, a small change goes straight to the ERP; each approved limit is pushed once, a refused push ends as an
 * incident, and what a manager types is checked.
 */
class CreditLimitReviewTest extends ErpWireMockTestBase {

    static final String LIMITS = "/credit-limits";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired CreditScanStep scanStep;
    @Autowired CreditLimits limits;
    @Autowired PushCreditLimitDelegate push;
    @Autowired JdbcTemplate jdbc;
    @Autowired TestRestTemplate http;
    @Autowired IdentityService identity;

    private CreditFixture credit;

    @BeforeEach
    void fixture() {
        credit = new CreditFixture(ledger, jdbc);
        credit.forget();
        ERP.stubFor(post(urlPathEqualTo(LIMITS)).willReturn(aResponse().withStatus(202)));
        TestUsers.ensure(identity, "mara", "managers");
    }

    @AfterEach
    void forget() {
        engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey(CreditLimitReviews.PROCESS).list()
                .forEach(instance -> engine.getRuntimeService().deleteProcessInstance(instance.getId(), "test over"));
        credit.forget();
    }

    /** Score 100 (LOW, × 1.5), 12,000 invoiced: 2,000 × 1.5 = 3,000 suggested. */
    private Customer lowRiskCustomer(String currentLimit) {
        Customer customer = credit.customer(currentLimit, "12000.00", TODAY);
        credit.score(customer, 100, TODAY);
        return customer;
    }

    @Test
    void aBigIncreaseWaitsForTheManagerWhoseApprovalIsPushedOnce() throws Exception {
        Customer customer = lowRiskCustomer("1000.00");

        scanStep.run(TODAY);

        ProcessInstance review = review(customer);
        Task task = engine.getTaskService().createTaskQuery().processInstanceId(review.getId()).singleResult();
        assertThat(task.getTaskDefinitionKey()).isEqualTo("approve-credit-limit");
        assertThat(engine.getTaskService().getIdentityLinksForTask(task.getId()))
                .anySatisfy(link -> assertThat(link.getGroupId()).isEqualTo("managers"));
        Map<String, Object> shown = engine.getTaskService().getVariables(task.getId());
        assertThat(shown).containsEntry("customer", customer.getCustomerId() + " Ivana Petrova")
                .containsEntry("scoreText", "100 of 1000 (LOW)")
                .containsEntry("currentLimitText", "1000.00 EUR")
                .containsEntry("suggestedLimitText", "3000.00 EUR (+2000.00 EUR)")
                .containsEntry("exposureText", "0.00 EUR")
                .containsEntry("ruleReason", "an increase of more than 20 %");
        assertThat((String) shown.get("scoreParts")).contains("current DPD +100 (12 days)");
        assertThat(ERP.findAll(postRequestedFor(urlPathEqualTo(LIMITS)))).as("nothing before the manager decides").isEmpty();
        assertThat(history(customer)).first().extracting(CreditLimitChange::status).isEqualTo("NEEDS_APPROVAL");

        identity.setAuthentication("mara", List.of("managers"));
        try {
            complete(task, Map.of("limitDecision", "ADJUST", "adjustedLimit", 2500L, "limitNote", "new orders expected"));
        } finally {
            identity.clearAuthentication();
        }

        List<LoggedRequest> pushed = ERP.findAll(postRequestedFor(urlPathEqualTo(LIMITS)));
        CreditLimitChange change = history(customer).get(0);
        assertThat(change.status()).isEqualTo("ADJUSTED");
        assertThat(change.decidedBy()).isEqualTo("mara");
        assertThat(pushed).singleElement().satisfies(request -> {
            assertThat(request.getHeader("Idempotency-Key"))
                    .isEqualTo("credit-limit:" + customer.getCustomerId() + ":" + change.id() + ":2500.00");
            JsonNode body = JSON.readTree(request.getBodyAsString());
            assertThat(body.get("customerId").asText()).isEqualTo(customer.getCustomerId());
            assertThat(body.get("creditLimit").decimalValue()).isEqualByComparingTo("2500.00");
            assertThat(body.get("previousLimit").decimalValue()).isEqualByComparingTo("1000.00");
            assertThat(body.get("currency").asText()).isEqualTo("EUR");
            assertThat(body.get("approvedBy").asText()).isEqualTo("mara");
            assertThat(body.get("reason").asText()).isEqualTo("new orders expected");
        });
        assertThat(change.toldErpAt()).isNotNull();
        assertThat(limits.current(customer.getCustomerId()).orElseThrow())
                .satisfies(now -> {
                    assertThat(now.currentLimit()).isEqualByComparingTo("2500.00");
                    assertThat(now.currentSource()).isEqualTo("APPROVED");
                    assertThat(now.openChange()).isNull();
                });
    }

    @Test
    void aSmallChangeGoesStraightToTheErpOnceThoughTheStepRunsAgain() throws Exception {
        Customer customer = lowRiskCustomer("2800.00");

        scanStep.run(TODAY);
        ProcessInstance review = review(customer);
        assertThat(engine.getTaskService().createTaskQuery().processInstanceId(review.getId()).count()).isZero();
        runAsyncJobs(review);

        CreditLimitChange change = history(customer).get(0);
        assertThat(change.status()).isEqualTo("APPROVED_AUTOMATICALLY");
        assertThat(change.ruleReason()).isEqualTo("within the automatic range (at most +20 % and +10,000)");
        assertThat(ERP.findAll(postRequestedFor(urlPathEqualTo(LIMITS)))).singleElement().satisfies(request -> {
            assertThat(request.getHeader("Idempotency-Key"))
                    .isEqualTo("credit-limit:" + customer.getCustomerId() + ":" + change.id() + ":3000.00");
            JsonNode body = JSON.readTree(request.getBodyAsString());
            assertThat(body.get("creditLimit").decimalValue()).isEqualByComparingTo("3000.00");
            assertThat(body.get("previousLimit").decimalValue()).isEqualByComparingTo("2800.00");
            assertThat(body.get("score").asInt()).isEqualTo(100);
            assertThat(body.get("approvedBy").asText()).isEqualTo("credit-limit rule");
        });

        // the same job again (a retry after a lost commit acknowledgement) and the next day's scan: no second push
        push.tell(change.id(), customer.getCustomerId(), "EUR");
        scanStep.run(TODAY);
        assertThat(ERP.findAll(postRequestedFor(urlPathEqualTo(LIMITS)))).hasSize(1);
        assertThat(history(customer)).hasSize(2).extracting(CreditLimitChange::status)
                .containsExactly("APPROVED_AUTOMATICALLY", "FROM_ERP");
    }

    @Test
    void aPushTheErpRefusesEndsAsAnIncidentAndTheLimitStays() {
        Customer customer = lowRiskCustomer("2800.00");
        ERP.stubFor(post(urlPathEqualTo(LIMITS)).willReturn(aResponse().withStatus(422)));

        scanStep.run(TODAY);
        ProcessInstance review = review(customer);
        for (Job job = pushJob(review); job != null && job.getRetries() > 0; job = pushJob(review)) {
            try {
                engine.getManagementService().executeJob(job.getId());
            } catch (RuntimeException refused) {
                // the job failed: its retries count down
            }
        }

        Incident incident = engine.getRuntimeService().createIncidentQuery().processInstanceId(review.getId()).singleResult();
        assertThat(incident.getActivityId()).isEqualTo("push-credit-limit");
        assertThat(ERP.findAll(postRequestedFor(urlPathEqualTo(LIMITS)))).as("the ERP's retry cycle R3: three tries").hasSize(3);
        CreditLimitChange change = history(customer).get(0);
        assertThat(change.toldErpAt()).isNull();
        assertThat(limits.current(customer.getCustomerId()).orElseThrow().currentLimit()).isEqualByComparingTo("2800.00");
    }

    @Test
    void hostileLimitsInTheFormAreRefusedNamingTheFieldAndNothingIsStored() {
        Customer customer = lowRiskCustomer("1000.00");
        scanStep.run(TODAY);
        Task task = engine.getTaskService().createTaskQuery().processInstanceId(review(customer).getId()).singleResult();

        assertThat(refusal(task, Map.of("limitDecision", string("ADJUST"), "adjustedLimit", number("-5"))))
                .endsWith("adjustedLimit: must not be negative, got -5");
        assertThat(refusal(task, Map.of("limitDecision", string("ADJUST"), "adjustedLimit", number("1e30"))))
                .endsWith("adjustedLimit: must be at most 1000000 (collection.credit.max-limit)");
        assertThat(refusal(task, Map.of("limitDecision", string("ADJUST"), "adjustedLimit", number("1000.005"))))
                .endsWith("adjustedLimit: must have at most 2 decimals");
        assertThat(refusal(task, Map.of("limitDecision", string("ADJUST"), "adjustedLimit", string("lots"))))
                .endsWith("adjustedLimit: 'lots' is not an amount like 25000.00");
        assertThat(refusal(task, Map.of("limitDecision", string("ADJUST"))))
                .endsWith("adjustedLimit: is required to adjust the limit");
        assertThat(refusal(task, Map.of("limitDecision", string("SET_TO_MILLION"))))
                .endsWith("limitDecision: must be one of [APPROVE, ADJUST, REJECT], got 'SET_TO_MILLION'");

        assertThat(engine.getTaskService().createTaskQuery().taskId(task.getId()).count()).as("still open").isOne();
        assertThat(history(customer).get(0)).satisfies(change -> {
            assertThat(change.status()).isEqualTo("NEEDS_APPROVAL");
            assertThat(change.approvedLimit()).isNull();
        });
        assertThat(ERP.findAll(postRequestedFor(urlPathEqualTo(LIMITS)))).isEmpty();
    }

    @Test
    void aRejectedSuggestionKeepsTheLimitAndIsNotAskedAgain() {
        Customer customer = lowRiskCustomer("1000.00");
        scanStep.run(TODAY);
        Task task = engine.getTaskService().createTaskQuery().processInstanceId(review(customer).getId()).singleResult();

        complete(task, Map.of("limitDecision", "REJECT"));
        scanStep.run(TODAY);

        assertThat(history(customer)).extracting(CreditLimitChange::status).containsExactly("REJECTED", "FROM_ERP");
        assertThat(engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey(CreditLimitReviews.PROCESS)
                .active().count()).isZero();
        assertThat(limits.current(customer.getCustomerId()).orElseThrow().currentLimit()).isEqualByComparingTo("1000.00");
        assertThat(ERP.findAll(postRequestedFor(urlPathEqualTo(LIMITS)))).isEmpty();
    }

    private String refusal(Task task, Map<String, Object> variables) {
        ResponseEntity<Map> response = http.withBasicAuth("mara", TestUsers.PASSWORD).postForEntity(
                "/engine-rest/engine/" + engine.getName() + "/task/" + task.getId() + "/submit-form",
                Map.of("variables", variables), Map.class);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        String message = (String) response.getBody().get("message");
        assertThat(message).doesNotContain("ENGINE-", "TaskListener", "Exception");
        return message;
    }

    private static Map<String, Object> string(String value) {
        return Map.of("value", value, "type", "String");
    }

    private static Map<String, Object> number(String value) {
        return Map.of("value", new java.math.BigDecimal(value), "type", "Double");
    }

    private ProcessInstance review(Customer customer) {
        return engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey(CreditLimitReviews.PROCESS)
                .processInstanceBusinessKeyLike("credit-limit:" + customer.getCustomerId() + ":%").singleResult();
    }

    private Job pushJob(ProcessInstance review) {
        return engine.getManagementService().createJobQuery().processInstanceId(review.getId()).singleResult();
    }

    private List<CreditLimitChange> history(Customer customer) {
        return limits.history(customer.getId());
    }
}
