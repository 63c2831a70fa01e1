package com.collectiondesk.ticket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;

import com.collectiondesk.support.TicketProcessTestBase;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The ticket's {@code nextStep} and {@code nextStepDueAt} say what the process waits for after every call outcome,
 * never the call that has just ended (STANDARD plan: SMS day 1, CALL day 5, LETTER day 10, ESCALATE day 20).
 */
class NextStepTest extends TicketProcessTestBase {

    @ParameterizedTest
    @ValueSource(strings = {"REACHED", "NO_ANSWER", "WRONG_NUMBER", "REFUSED", "PROMISE", "DISPUTE"})
    void afterTheCallTheTicketNamesWhatComesNext(String outcome) {
        ProcessInstance instance = openAndPlan(standardDebtor());
        runNextStep(instance); // SMS
        runNextStep(instance); // the call
        assertThat(ticketOf(instance).getNextStep()).startsWith("CALL day 5");

        Map<String, Object> answers = new HashMap<>(Map.of(TicketProcess.CALL_OUTCOME, outcome));
        if (outcome.equals("PROMISE")) {
            answers.putAll(Map.of(TicketProcess.PROMISE_AMOUNT, 300L, TicketProcess.PROMISE_DATE, TODAY.plusDays(10).toString()));
        } else if (outcome.equals("DISPUTE")) {
            answers.put(TicketProcess.DISPUTE_REASON, "Goods returned");
        }
        complete(task(instance), answers);

        Ticket ticket = ticketOf(instance);
        switch (outcome) {
            case "PROMISE" -> {
                assertThat(ticket.getNextStep()).isEqualTo("Promise check (300.00 EUR promised by " + TODAY.plusDays(10) + ")");
                // judged the day after the promised date plus two grace days begins, in the debtor's zone
                assertThat(ticket.getNextStepDueAt()).isEqualTo(TODAY.plusDays(13).atStartOfDay(ZoneId.of("Europe/Sofia")).toInstant())
                        .isEqualTo(job(instance).getDuedate().toInstant());
            }
            case "DISPUTE" -> {
                assertThat(ticket.getNextStep()).isEqualTo("Resolve dispute");
                assertThat(ticket.getNextStepDueAt()).isNull();
                assertThat(instance).isWaitingAt(TicketProcess.RESOLVE_DISPUTE);
            }
            default -> {
                assertThat(ticket.getNextStep()).startsWith("LETTER day 10");
                assertThat(ticket.getNextStepDueAt()).isEqualTo(sofiaNineOn(TODAY.plusDays(10)));
            }
        }
    }
}
