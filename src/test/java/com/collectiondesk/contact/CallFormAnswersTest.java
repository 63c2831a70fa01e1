package com.collectiondesk.contact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import com.collectiondesk.outreach.Channel;
import com.collectiondesk.support.TicketProcessTestBase;
import com.collectiondesk.ticket.Ticket;
import com.collectiondesk.ticket.TicketProcess;
import java.util.List;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.VariableMap;
import org.junit.jupiter.api.Test;

/**
 * A collector's answers in "Call debtor" belong to that call: the next call of the same ticket opens with an
 * empty form (what Tasklist loads from {@code GET /task/{id}/form-variables}), and no answer stays behind in a
 * process variable that a later form or step could pick up.
 */
class CallFormAnswersTest extends TicketProcessTestBase {

    private static final List<String> ANSWERS = List.of(TicketProcess.CALL_OUTCOME, TicketProcess.PROMISE_AMOUNT,
            TicketProcess.PROMISE_DATE, TicketProcess.DISPUTE_REASON, TicketProcess.DISPUTE_AMOUNT, TicketProcess.NOTE);

    @Test
    void theSecondCallOfATicketOpensWithoutTheFirstCallsOutcomePromiseAndNote() {
        ProcessInstance instance = openAndPlan(standardDebtor());
        runNextStep(instance); // SMS
        runNextStep(instance); // the call step
        Task firstCall = task(instance);
        complete(firstCall, withVariables(TicketProcess.CALL_OUTCOME, "PROMISE", TicketProcess.PROMISE_AMOUNT, 300L,
                TicketProcess.PROMISE_DATE, TODAY.plusDays(8).toString(), TicketProcess.NOTE, "Pays on the 10th"));
        Ticket ticket = ticketOf(instance);
        assertThat(promises.findByTicketIdOrderByIdAsc(ticket.getId())).singleElement()
                .satisfies(promise -> assertThat(promise.getAmount()).isEqualByComparingTo("300"));
        java.util.Map<String, Object> processVariables = engine.getRuntimeService().getVariables(instance.getId());
        for (String answer : ANSWERS) {
            assertThat(processVariables.get(answer)).as(answer).isNull();
        }

        fireTimer(instance); // nothing paid: the promise is broken and the strategy resumes
        runNextStep(instance); // letter
        fireTimer(instance); // the escalation step
        complete(task(instance), withVariables(TicketProcess.ESCALATION_DECISION, "RESTART", TicketProcess.RESTART_SEGMENT, "HARD"));
        fireTimer(instance); // HARD starts with a call
        assertThat(instance).isWaitingAt(TicketProcess.CALL_DEBTOR);
        Task secondCall = task(instance);

        VariableMap form = engine.getFormService().getTaskFormVariables(secondCall.getId());
        for (String answer : ANSWERS) {
            assertThat(form.get(answer)).as(answer).isNull();
        }
        assertThat(form.get(TicketProcess.DEBTOR_NAME)).isNotNull();

        complete(secondCall, withVariables(TicketProcess.CALL_OUTCOME, "NO_ANSWER"));
        assertThat(contacts.findByTicketIdOrderByAtAscIdAsc(ticket.getId())).filteredOn(attempt -> attempt.getChannel() == Channel.CALL)
                .extracting(ContactAttempt::getOutcome).containsExactly("PROMISE", "NO_ANSWER");
        assertThat(promises.findByTicketIdOrderByIdAsc(ticket.getId())).hasSize(1);
    }
}
