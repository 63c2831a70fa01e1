package com.collectiondesk.escalation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import com.collectiondesk.ledger.Invoice;
import com.collectiondesk.ledger.InvoiceRepository;
import com.collectiondesk.strategy.TicketStep;
import com.collectiondesk.support.TicketProcessTestBase;
import com.collectiondesk.ticket.CloseReason;
import com.collectiondesk.ticket.Ticket;
import com.collectiondesk.ticket.TicketProcess;
import com.collectiondesk.ticket.TicketStatus;
import java.time.Instant;
import java.util.List;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EscalationProcessTest extends TicketProcessTestBase {

    @org.springframework.beans.factory.annotation.Autowired InvoiceRepository invoices;

    @ParameterizedTest
    @CsvSource({"AGENCY, PLACED_WITH_AGENCY", "LEGAL, LEGAL", "WRITE_OFF, WRITTEN_OFF"})
    void theManagersDecisionClosesTheTicketWithItsReason(String decision, CloseReason reason) {
        ProcessInstance instance = runToEscalation();

        complete(task(instance), withVariables(TicketProcess.ESCALATION_DECISION, decision));

        assertThat(instance).isEnded().hasPassed(TicketProcess.END_ESCALATED);
        Ticket ticket = ticketOf(instance);
        assertThat(ticket.getStatus()).isEqualTo(TicketStatus.CLOSED);
        assertThat(ticket.getCloseReason()).isEqualTo(reason);
        assertThat(ticket.getOverdueAmount()).isEqualByComparingTo("300.00");
        // a write-off takes the ticket's invoices out of receivables (aging, DSO, CEI) from that moment
        List<Instant> writtenOff = transaction.execute(status -> invoices.findAllById(tickets.findById(ticket.getId()).orElseThrow()
                .getInvoicePks()).stream().map(Invoice::getWrittenOffAt).toList());
        if (reason == CloseReason.WRITTEN_OFF) {
            assertThat(writtenOff).hasSize(2).containsOnly(ticket.getClosedAt());
        } else {
            assertThat(writtenOff).hasSize(2).containsOnlyNulls();
        }
    }

    @Test
    void restartRunsTheHarderSegmentsStrategyFromToday() {
        ProcessInstance instance = runToEscalation();

        complete(task(instance), withVariables(TicketProcess.ESCALATION_DECISION, "RESTART", TicketProcess.RESTART_SEGMENT, "HARD"));

        Ticket ticket = ticketOf(instance);
        assertThat(ticket.getSegment()).isEqualTo("HARD");
        assertThat(ticket.getStatus()).isEqualTo(TicketStatus.OPEN);
        assertThat(ticket.getPlanRound()).isEqualTo(2);
        assertThat(steps.findByTicketIdOrderByPlanRoundAscStepIndexAsc(ticket.getId()))
                .filteredOn(step -> step.getPlanRound() == 2)
                .extracting(step -> step.getChannel().name()).containsExactly("CALL", "SMS", "LETTER", "ESCALATE");
        assertThat(instance).isWaitingAt(TicketProcess.WAIT_FOR_STEP);
        assertDue(fireTimer(instance), TODAY.plusDays(20)); // HARD calls on day 0 of the new plan
        assertThat(instance).isWaitingAt(TicketProcess.CALL_DEBTOR);
    }

    @Test
    void stepsUsedUpWithMoneyStillOverdueGoToTheManagersReviewToo() {
        // an analyst's strategy without an ESCALATE step, live only while this ticket plans its steps
        String deployment = engine.getRepositoryService().createDeployment().name("strategy-without-escalation")
                .addString("dmn/collection-strategy.dmn", SMS_ONLY_STRATEGY).deploy().getId();
        ProcessInstance instance;
        try {
            instance = openAndPlan(standardDebtor());
        } finally {
            engine.getRepositoryService().deleteDeployment(deployment);
        }
        runNextStep(instance);

        assertThat(instance).isWaitingAt(TicketProcess.REVIEW_ESCALATION);
        assertThat(events.findByTicketIdOrderByAtAscIdAsc(ticketOf(instance).getId())).last()
                .satisfies(event -> assertThat(event.getDetails()).startsWith("All strategy steps done"));
    }

    /** SMS, call (no answer), letter, then the day-20 escalation step. */
    private ProcessInstance runToEscalation() {
        ProcessInstance instance = openAndPlan(standardDebtor());
        runNextStep(instance);
        runNextStep(instance);
        complete(task(instance), withVariables(TicketProcess.CALL_OUTCOME, "NO_ANSWER"));
        runNextStep(instance);
        fireTimer(instance);
        assertThat(instance).isWaitingAt(TicketProcess.REVIEW_ESCALATION);
        return instance;
    }

    private static final String SMS_ONLY_STRATEGY = """
            <?xml version="1.0" encoding="UTF-8"?>
            <definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" xmlns:camunda="http://camunda.org/schema/1.0/dmn"
                         id="sms-only" name="SMS only" namespace="http://collectiondesk.com/dmn">
              <decision id="collection-strategy" name="Collection strategy" camunda:historyTimeToLive="P1D">
                <decisionTable id="table" hitPolicy="COLLECT">
                  <input id="segment" label="Segment"><inputExpression id="e1" typeRef="string"><text>segment</text></inputExpression></input>
                  <output id="dayOffset" name="dayOffset" typeRef="integer" />
                  <output id="channel" name="channel" typeRef="string" />
                  <output id="templateId" name="templateId" typeRef="string" />
                  <rule id="r1">
                    <inputEntry id="i1"><text>-</text></inputEntry>
                    <outputEntry id="o1"><text>1</text></outputEntry>
                    <outputEntry id="o2"><text>"SMS"</text></outputEntry>
                    <outputEntry id="o3"><text>"sms-reminder"</text></outputEntry>
                  </rule>
                </decisionTable>
              </decision>
            </definitions>
            """;
}
