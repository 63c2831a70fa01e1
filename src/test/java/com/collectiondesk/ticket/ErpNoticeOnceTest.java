package com.collectiondesk.ticket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.Mockito.reset;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

import com.collectiondesk.support.TicketProcessTestBase;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * "Tell ERP" commits right after its call (camunda:asyncAfter): when the step after it fails, the retries run
 * the continuation after the notice, the incident names that step as its failing activity, and the ERP gets its
 * notice once, not once per retry.
 */
class ErpNoticeOnceTest extends TicketProcessTestBase {

    /** A segment table an analyst broke: its Product type column expects a number and gets CONSUMER_LOAN. */
    private static final String BROKEN_SEGMENT_TABLE = """
            <?xml version="1.0" encoding="UTF-8"?>
            <definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" xmlns:camunda="http://camunda.org/schema/1.0/dmn"
                         id="broken-segment" name="Broken segment" namespace="http://collectiondesk.com/dmn">
              <decision id="ticket-segment" name="Ticket segment" camunda:historyTimeToLive="P1D">
                <decisionTable id="table" hitPolicy="FIRST">
                  <input id="productType" label="Product type">
                    <inputExpression id="e1" typeRef="integer" expressionLanguage="feel"><text>productType</text></inputExpression>
                  </input>
                  <output id="segment" name="segment" typeRef="string" />
                  <output id="priority" name="priority" typeRef="integer" />
                  <rule id="r1">
                    <inputEntry id="i1"><text>-</text></inputEntry>
                    <outputEntry id="o1"><text>"STANDARD"</text></outputEntry>
                    <outputEntry id="o2"><text>3</text></outputEntry>
                  </rule>
                </decisionTable>
              </decision>
            </definitions>
            """;

    @AfterEach
    void erpBack() {
        reset(erp);
    }

    @Test
    void aFailingStepAfterTellErpIsRetriedWithoutASecondNoticeAndTheIncidentNamesThatStep() {
        String deployment = engine.getRepositoryService().createDeployment().name("broken-segment")
                .addString("dmn/ticket-segment.dmn", BROKEN_SEGMENT_TABLE).deploy().getId();
        ProcessInstance instance;
        int failures;
        try {
            instance = open(standardDebtor());
            failures = runJobsUntilIncident(instance);
        } finally {
            engine.getRepositoryService().deleteDeployment(deployment);
        }

        assertThat(failures).isEqualTo(3);
        verify(erp, times(1)).push(argThat(notice -> notice.type().equals("OPENED") && notice.ticketNumber().equals(instance.getBusinessKey())));
        Incident incident = engine.getRuntimeService().createIncidentQuery().processInstanceId(instance.getId()).singleResult();
        // Cockpit's "failing activity"; the job itself is the continuation after the notice, not the notice again
        assertThat(incident.getFailedActivityId()).isEqualTo(TicketProcess.DECIDE_SEGMENT);
        assertThat(incident.getIncidentMessage()).contains("CONSUMER_LOAN");
        Job failed = engine.getManagementService().createJobQuery().jobId(incident.getConfiguration()).singleResult();
        assertThat(engine.getManagementService().createJobDefinitionQuery().jobDefinitionId(failed.getJobDefinitionId()).singleResult())
                .satisfies(definition -> {
                    assertThat(definition.getActivityId()).isEqualTo("notify-erp-opened");
                    assertThat(definition.getJobConfiguration()).isEqualTo("async-after");
                });
    }

    /** Runs the instance's async jobs as the job executor would, through every retry; returns how many runs failed. */
    private int runJobsUntilIncident(ProcessInstance instance) {
        ManagementService management = engine.getManagementService();
        int failures = 0;
        for (int run = 0; run < 20; run++) {
            Job next = management.createJobQuery().processInstanceId(instance.getId()).messages().withRetriesLeft()
                    .listPage(0, 1).stream().findFirst().orElse(null);
            if (next == null) {
                return failures;
            }
            try {
                management.executeJob(next.getId());
            } catch (RuntimeException failed) {
                failures++;
            }
        }
        return failures;
    }
}
