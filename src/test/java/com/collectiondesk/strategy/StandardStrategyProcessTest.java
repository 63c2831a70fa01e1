package com.collectiondesk.strategy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import com.collectiondesk.contact.ContactAttempt;
import com.collectiondesk.contact.ContactService;
import com.collectiondesk.ledger.Customer;
import com.collectiondesk.support.TicketProcessTestBase;
import com.collectiondesk.ticket.Ticket;
import com.collectiondesk.ticket.TicketProcess;
import com.collectiondesk.ticket.TicketStatus;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class StandardStrategyProcessTest extends TicketProcessTestBase {

    @Autowired ContactService contactService;

    @Test
    void theStandardSegmentRunsSmsCallLetterAndEscalationInOrderAtTheSendWindow() {
        Customer debtor = standardDebtor();
        ProcessInstance instance = open(debtor);
        assertThat(instance).isWaitingAt(TicketProcess.SYNC_WITH_ERP);

        runAsyncJobs(instance);
        Ticket ticket = ticketOf(instance);
        assertThat(ticket.getSegment()).isEqualTo("STANDARD");
        assertThat(ticket.getPriority()).isEqualTo(3);
        assertThat(ticket.getOverdueAmount()).isEqualByComparingTo("300.00");
        assertThat(ticket.getMaxDpd()).isEqualTo(20);
        assertThat(ticket.getBucket()).isEqualTo("1-30");
        assertThat(ticket.getProductType()).isEqualTo("CONSUMER_LOAN");
        assertThat(ticket.getTicketNumber()).matches("T-2026-\\d{6}");
        assertThat(steps.findByTicketIdOrderByPlanRoundAscStepIndexAsc(ticket.getId()))
                .extracting(step -> step.getChannel().name(), TicketStep::getDayOffset)
                .containsExactly(tuple("SMS", 0), tuple("CALL", 5), tuple("LETTER", 10), tuple("ESCALATE", 20));
        assertThat(instance).isWaitingAt(TicketProcess.WAIT_FOR_STEP);

        assertDue(runNextStep(instance), TODAY); // day 0: the opening day's send window
        List<ContactAttempt> sent = contacts.findByTicketIdOrderByAtAscIdAsc(ticket.getId());
        assertThat(sent).singleElement().satisfies(sms -> {
            assertThat(sms.getChannel().name()).isEqualTo("SMS");
            assertThat(sms.isSandbox()).isTrue();
            assertThat(sms.getRenderedText()).contains("Ivana Petrova", "€300.00", ticket.getTicketNumber());
            assertThat(sms.getSendKey()).isEqualTo(ticket.getTicketNumber() + ":1:0:SMS");
        });

        assertDue(runNextStep(instance), TODAY.plusDays(5));
        assertThat(instance).isWaitingAt(TicketProcess.CALL_DEBTOR);
        Task call = task(instance);
        assertThat(call).hasCandidateGroup("collectors");
        assertThat(engine.getTaskService().getVariable(call.getId(), TicketProcess.LAST_CONTACTS).toString()).contains("SMS");
        engine.getTaskService().claim(call.getId(), "carol");
        complete(call, withVariables(TicketProcess.CALL_OUTCOME, "NO_ANSWER", TicketProcess.NOTE, "voicemail"));
        assertThat(contacts.findByTicketIdOrderByAtAscIdAsc(ticket.getId())).last().satisfies(callAttempt -> {
            assertThat(callAttempt.getChannel().name()).isEqualTo("CALL");
            assertThat(callAttempt.getOutcome()).isEqualTo("NO_ANSWER");
            assertThat(callAttempt.getAuthor()).isEqualTo("carol");
        });

        assertDue(runNextStep(instance), TODAY.plusDays(10));
        assertThat(contacts.findByTicketIdOrderByAtAscIdAsc(ticket.getId())).last()
                .extracting(contact -> contact.getChannel().name()).isEqualTo("LETTER");

        assertDue(fireTimer(instance), TODAY.plusDays(20));
        assertThat(instance).isWaitingAt(TicketProcess.REVIEW_ESCALATION);
        assertThat(task(instance)).hasCandidateGroup("managers");
        Ticket escalated = ticketOf(instance);
        assertThat(escalated.getStatus()).isEqualTo(TicketStatus.ESCALATED);
        assertThat(escalated.getOwner()).isEqualTo("carol");
        assertThat(timelineTypes(escalated)).containsSubsequence("OPENED", "SEGMENT_DECIDED", "STRATEGY_PLANNED",
                "CONTACT", "STEP_DONE", "CONTACT", "STEP_DONE", "CONTACT", "STEP_DONE", "ESCALATED");
    }

    @Test
    void aStepAlreadyDueWhenTheTicketOpensRunsAtTheNextSendWindow() {
        // the scan ran for a business date three days back: the day-0 SMS was due three days ago
        ProcessInstance beforeWindow = open(standardDebtor(), TODAY.minusDays(3));
        runAsyncJobs(beforeWindow);
        assertThat(ticketOf(beforeWindow).getNextStepDueAt()).isEqualTo(sofiaNineOn(TODAY));
        assertDue(runNextStep(beforeWindow), TODAY);

        // after 09:00 the window of today has begun already: the next one is tomorrow's
        ClockUtil.setCurrentTime(Date.from(sofiaNineOn(TODAY).plusSeconds(3600)));
        ProcessInstance afterWindow = open(standardDebtor(), TODAY.minusDays(3));
        runAsyncJobs(afterWindow);
        assertDue(runNextStep(afterWindow), TODAY.plusDays(1));
        assertThat(contacts.findByTicketIdOrderByAtAscIdAsc(ticketOf(afterWindow).getId()))
                .extracting(contact -> contact.getChannel().name()).containsExactly("SMS");
    }

    @Test
    void aRetriedSendFindsItsKeyAndRecordsNothingTwice() {
        ProcessInstance instance = openAndPlan(standardDebtor());
        runNextStep(instance);
        Ticket ticket = ticketOf(instance);

        // what a retried job or a second node would do: the same step once more
        contactService.sendStep(ticket.getId(), 0);

        assertThat(contacts.findByTicketIdOrderByAtAscIdAsc(ticket.getId())).hasSize(1);
    }

}
