package com.collectiondesk.strategy;

import static org.assertj.core.api.Assertions.assertThat;

import com.collectiondesk.support.ModelerDeployments;
import com.collectiondesk.support.TicketProcessTestBase;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** An analyst deploys a new strategy through the engine's REST API; no Java changes, no restart. */
class AnalystStrategyChangeTest extends TicketProcessTestBase {

    @Autowired TestRestTemplate http;

    @Test
    void aNewStrategyVersionAppliesToTicketsOpenedAfterItWhileRunningTicketsKeepTheirs() throws IOException {
        ProcessInstance running = openAndPlan(standardDebtor());

        String deploymentId = deploy(changedStrategy());
        try {
            ProcessInstance newer = openAndPlan(standardDebtor());

            assertThat(planOf(newer)).containsExactly("SMS day 2", "EMAIL day 4", "CALL day 5", "LETTER day 10", "ESCALATE day 20");
            assertThat(ticketOf(newer).getStrategy()).isEqualTo("collection-strategy v2");
            assertThat(planOf(running)).containsExactly("SMS day 0", "CALL day 5", "LETTER day 10", "ESCALATE day 20");
            assertThat(ticketOf(running).getStrategy()).isEqualTo("collection-strategy v1");
            assertDue(runNextStep(running), TODAY);
            assertDue(runNextStep(newer), TODAY.plusDays(2));
        } finally {
            // the shared test engine goes back to the shipped strategy for the other tests
            engine.getRepositoryService().deleteDeployment(deploymentId);
        }
    }

    /** The shipped table with the standard SMS moved to day 2 and an EMAIL on day 4. */
    private static String changedStrategy() throws IOException {
        String shipped = new ClassPathResource("dmn/collection-strategy.dmn").getContentAsString(StandardCharsets.UTF_8);
        String smsDay2 = shipped.replace(
                "<outputEntry id=\"collection-strategy-rule-1-out-0\"><text>0</text></outputEntry>",
                "<outputEntry id=\"collection-strategy-rule-1-out-0\"><text>2</text></outputEntry>");
        assertThat(smsDay2).isNotEqualTo(shipped);
        return smsDay2.replace("    </decisionTable>", """
                      <rule id="collection-strategy-rule-standard-email">
                        <description>STANDARD: EMAIL on day 4</description>
                        <inputEntry id="email-in-0"><text>"STANDARD"</text></inputEntry>
                        <inputEntry id="email-in-1"><text>-</text></inputEntry>
                        <outputEntry id="email-out-0"><text>4</text></outputEntry>
                        <outputEntry id="email-out-1"><text>"EMAIL"</text></outputEntry>
                        <outputEntry id="email-out-2"><text>"email-friendly"</text></outputEntry>
                        <outputEntry id="email-out-3"><text></text></outputEntry>
                      </rule>
                    </decisionTable>""");
    }

    private String deploy(String dmn) {
        ResponseEntity<JsonNode> response = ModelerDeployments.deploy(http, engine, "strategy-change", "collection-strategy.dmn", dmn);
        assertThat(response.getStatusCode()).as(String.valueOf(response.getBody())).isEqualTo(HttpStatus.OK);
        assertThat(response.getBody().get("deployedDecisionDefinitions")).hasSize(1);
        return response.getBody().get("id").asText();
    }

    private java.util.List<String> planOf(ProcessInstance instance) {
        return steps.findByTicketIdOrderByPlanRoundAscStepIndexAsc(ticketOf(instance).getId()).stream()
                .map(step -> step.getChannel() + " day " + step.getDayOffset()).toList();
    }
}
