package com.collectiondesk.hold;

import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import com.collectiondesk.contact.ContactAttempt;
import com.collectiondesk.ledger.Contract;
import com.collectiondesk.ledger.Customer;
import com.collectiondesk.ledger.HoldReason;
import com.collectiondesk.ledger.InvoiceRepository;
import com.collectiondesk.outreach.ChannelTestBase;
import com.collectiondesk.system.BusinessClock;
import com.collectiondesk.ticket.Ticket;
import com.collectiondesk.ticket.TicketEvent;
import com.collectiondesk.ticket.TicketProcess;
import java.time.Instant;
import java.util.List;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Holds pause the ticket's strategy on the engine clock: nothing reaches Twilio while one is open. */
class HoldProcessTest extends ChannelTestBase {

    @Autowired HoldService holds;
    @Autowired BusinessClock clock;
    @Autowired InvoiceRepository invoices;

    @Test
    void aHoldWithAnEndDatePausesTheStrategySendsNoSmsAndResumesByItselfOnTheEndDate() {
        ProcessInstance instance = openAndPlan(standardDebtor());
        assertThat(instance).isWaitingAt(TicketProcess.WAIT_FOR_STEP);

        holds.hold(instance.getBusinessKey(), null, HoldReason.BEREAVEMENT, "Death in the family", TODAY.plusDays(7),
                HoldSource.MANAGER, "manager-1");

        assertThat(instance).isWaitingAt(TicketProcess.HOLD_WAIT);
        assertThat(ticketOf(instance).getNextStep()).isEqualTo("On hold: BEREAVEMENT until " + TODAY.plusDays(7)
                + ": Death in the family");
        // the step's timer is gone: the only job is the hold's end, at the start of the end date
        Instant resumedAt = fireTimer(instance);
        assertThat(resumedAt).isEqualTo(TODAY.plusDays(7).atStartOfDay(clock.zone()).toInstant());
        TWILIO.verify(0, postRequestedFor(urlPathEqualTo(MESSAGES_PATH)));
        runAsyncJobs(instance);

        assertThat(instance).isWaitingAt(TicketProcess.WAIT_FOR_STEP);
        List<ContactAttempt> sent = runUntilContacted(instance);
        assertThat(sent).singleElement().satisfies(sms -> {
            assertThat(sms.getChannel().name()).isEqualTo("SMS");
            assertThat(sms.getAt()).isAfter(resumedAt);
        });
        TWILIO.verify(1, postRequestedFor(urlPathEqualTo(MESSAGES_PATH)));
        assertThat(timelineTypes(ticketOf(instance))).containsSubsequence("HOLD", "STRATEGY_PAUSED", "STRATEGY_RESUMED", "CONTACT");
    }

    @Test
    void anOpenEndedHoldCancelsTheOpenCallWaitsWithoutATimerAndResumesWhenLifted() {
        ProcessInstance instance = openAndPlan(standardDebtor());
        runUntilContacted(instance);
        runNextStep(instance);
        assertThat(instance).isWaitingAt(TicketProcess.CALL_DEBTOR);

        Hold hold = holds.hold(instance.getBusinessKey(), null, HoldReason.HARDSHIP, "Lost his job", null,
                HoldSource.MANAGER, "manager-1");

        assertThat(instance).isWaitingAt(TicketProcess.WAIT_FOR_HOLD_CHANGE);
        assertThat(engine.getTaskService().createTaskQuery().processInstanceId(instance.getId()).count())
                .as("no call task while on hold").isZero();
        assertThat(engine.getManagementService().createJobQuery().processInstanceId(instance.getId()).count())
                .as("open-ended: no timer").isZero();

        holds.lift(hold.getId(), "manager-2");

        assertThat(instance).isWaitingAt(TicketProcess.WAIT_FOR_STEP);
        assertThat(timelineTypes(ticketOf(instance))).containsSubsequence("HOLD", "STRATEGY_PAUSED", "HOLD_LIFTED",
                "STRATEGY_RESUMED");
        runNextStep(instance);
        assertThat(task(instance).getTaskDefinitionKey()).isEqualTo(TicketProcess.CALL_DEBTOR);
    }

    @Test
    void insolvencyOnOneTicketStopsAutomatedContactOnEveryTicketOfTheDebtor() {
        Customer debtor = standardDebtor();
        Contract card = ledger.contract(debtor, "CREDIT_CARD");
        ledger.invoice(debtor, card, "80.00", TODAY.minusDays(12), "USD");
        ProcessInstance euros = openAndPlan(debtor);
        ProcessInstance dollars = engine.getRuntimeService().createProcessInstanceQuery()
                .processInstanceBusinessKey(opener.open(debtor.getId(), "USD", TODAY).getTicketNumber()).singleResult();
        runAsyncJobs(dollars);
        assertThat(dollars).isWaitingAt(TicketProcess.WAIT_FOR_STEP);

        holds.hold(euros.getBusinessKey(), null, HoldReason.INSOLVENCY, "Insolvency court Sofia 2026/17", null,
                HoldSource.MANAGER, "manager-1");

        for (ProcessInstance instance : List.of(euros, dollars)) {
            assertThat(instance).isWaitingAt(TicketProcess.WAIT_FOR_HOLD_CHANGE);
            assertThat(engine.getManagementService().createJobQuery().processInstanceId(instance.getId()).count()).isZero();
            assertThat(events.findByTicketIdOrderByAtAscIdAsc(ticketOf(instance).getId())).extracting(TicketEvent::getDetails)
                    .anySatisfy(details -> assertThat(details).contains("INSOLVENCY")
                            .contains("no automated contact with the debtor on any ticket"));
        }
        TWILIO.verify(0, postRequestedFor(urlPathEqualTo(MESSAGES_PATH)));
    }

    @Test
    void aHoldPlacedWhileTheStrategyIsNotRunningIsRefusedByTheContactPolicyWithRuleHold() {
        ProcessInstance instance = openAndPlan(standardDebtor());
        runUntilContacted(instance);
        runNextStep(instance);
        complete(task(instance), withVariables(TicketProcess.CALL_OUTCOME, "DISPUTE",
                TicketProcess.DISPUTE_REASON, "Never got the second invoice", TicketProcess.DISPUTE_AMOUNT, 100L));
        assertThat(instance).isWaitingAt(TicketProcess.RESOLVE_DISPUTE);
        holds.hold(instance.getBusinessKey(), null, HoldReason.LEGAL_REVIEW, null, TODAY.plusDays(30), HoldSource.MANAGER,
                "manager-1");
        assertThat(instance).as("the dispute's task is not cancelled by the hold").isWaitingAt(TicketProcess.RESOLVE_DISPUTE);

        complete(task(instance), withVariables(TicketProcess.RESOLUTION, "REJECTED"));
        runNextStep(instance);

        assertThat(instance).isWaitingAt(TicketProcess.WAIT_UNTIL_ALLOWED);
        assertThat(events.findByTicketIdOrderByAtAscIdAsc(ticketOf(instance).getId())).last()
                .extracting(TicketEvent::getDetails).asString()
                .contains("POSTPONED by rule 'HOLD' until " + TODAY.plusDays(30).atStartOfDay(clock.zone()).toInstant())
                .contains("LEGAL_REVIEW");
        TWILIO.verify(1, postRequestedFor(urlPathEqualTo(MESSAGES_PATH)));
    }

    @Test
    void aHeldInvoiceLeavesTheStrategysTotalButDoesNotPauseTheTicket() {
        Customer debtor = standardDebtor();
        ProcessInstance instance = openAndPlan(debtor);
        String newer = invoices.findByCustomerOrderByDueDateAscInvoiceNumberAsc(debtor).get(1).getInvoiceNumber();

        holds.hold(instance.getBusinessKey(), newer, HoldReason.COMPLAINT, "Goods came broken", null, HoldSource.MANAGER,
                "manager-1");

        assertThat(instance).isWaitingAt(TicketProcess.WAIT_FOR_STEP);
        Ticket ticket = ticketOf(instance);
        assertThat(ticket.getOverdueAmount()).isEqualByComparingTo("300.00");
        assertThat(ticket.getHeldAmount()).isEqualByComparingTo("100.00");
        assertThat(ticket.getStrategyAmount()).isEqualByComparingTo("200.00");
        runUntilContacted(instance);
        assertThat(TWILIO.findAll(postRequestedFor(urlPathEqualTo(MESSAGES_PATH)))).singleElement()
                .satisfies(sms -> assertThat(sms.getBodyAsString()).contains("200").doesNotContain("300"));
    }

    /** Fires the ticket's timers (steps, contact hours) and runs the sends until a contact is recorded. */
    private List<ContactAttempt> runUntilContacted(ProcessInstance instance) {
        Long ticketId = ticketOf(instance).getId();
        for (int fired = 0; fired < 5 && contacts.findByTicketIdOrderByAtAscIdAsc(ticketId).isEmpty(); fired++) {
            runNextStep(instance);
        }
        return contacts.findByTicketIdOrderByAtAscIdAsc(ticketId);
    }
}
