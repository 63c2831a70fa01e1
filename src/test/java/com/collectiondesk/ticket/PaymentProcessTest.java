package com.collectiondesk.ticket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import com.collectiondesk.ledger.Customer;
import com.collectiondesk.support.TicketProcessTestBase;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;

class PaymentProcessTest extends TicketProcessTestBase {

    @Test
    void aPartialPaymentUpdatesTheTicketAndTheStrategyGoesOn() {
        Customer debtor = standardDebtor();
        ProcessInstance instance = openAndPlan(debtor);

        ledger.pay(debtor, "120.00", TODAY);

        runAsyncJobs(instance);

        Ticket ticket = ticketOf(instance);
        assertThat(ticket.getOverdueAmount()).isEqualByComparingTo("180.00");
        assertThat(ticket.getOverdueAtEntry()).as("what the campaign's collection rate is measured against")
                .isEqualByComparingTo("300.00");
        assertThat(ticket.getStatus()).isEqualTo(TicketStatus.OPEN);
        assertThat(timelineTypes(ticket)).contains("PAYMENT");
        assertThat(instance).isWaitingAt(TicketProcess.WAIT_FOR_STEP);
        runNextStep(instance);
        assertThat(contacts.findByTicketIdOrderByAtAscIdAsc(ticket.getId())).singleElement()
                .satisfies(sms -> assertThat(sms.getRenderedText()).contains("€180.00"));
    }

    @Test
    void fullPaymentWhileWaitingForAStepClosesTheTicketAsPaid() {
        Customer debtor = standardDebtor();
        ProcessInstance instance = openAndPlan(debtor);

        ledger.pay(debtor, "300.00", TODAY);

        runAsyncJobs(instance);

        assertClosedAsPaid(instance);
    }

    @Test
    void fullPaymentWhileACollectorHasTheCallClosesTheTicketAndRemovesTheTask() {
        Customer debtor = standardDebtor();
        ProcessInstance instance = openAndPlan(debtor);
        runNextStep(instance);
        runNextStep(instance);
        assertThat(instance).isWaitingAt(TicketProcess.CALL_DEBTOR);

        ledger.pay(debtor, "300.00", TODAY.plusDays(5));

        runAsyncJobs(instance);

        assertClosedAsPaid(instance);
        assertThat(engine.getTaskService().createTaskQuery().processInstanceId(instance.getId()).count()).isZero();
    }

    @Test
    void fullPaymentWhileWaitingForAPromisedDateClosesTheTicket() {
        Customer debtor = standardDebtor();
        ProcessInstance instance = openAndPlan(debtor);
        runNextStep(instance);
        runNextStep(instance);
        complete(task(instance), withVariables(TicketProcess.CALL_OUTCOME, "PROMISE",
                TicketProcess.PROMISE_AMOUNT, 300, TicketProcess.PROMISE_DATE, TODAY.plusDays(12).toString()));
        assertThat(instance).isWaitingAt(TicketProcess.WAIT_FOR_PROMISE);

        ledger.pay(debtor, "300.00", TODAY.plusDays(9));

        runAsyncJobs(instance);

        assertClosedAsPaid(instance);
    }

    @Test
    void fullPaymentWhileADisputeIsOpenClosesTheTicket() {
        Customer debtor = standardDebtor();
        ProcessInstance instance = openAndPlan(debtor);
        runNextStep(instance);
        runNextStep(instance);
        complete(task(instance), withVariables(TicketProcess.CALL_OUTCOME, "DISPUTE",
                TicketProcess.DISPUTE_REASON, "Second invoice was never delivered"));
        assertThat(instance).isWaitingAt(TicketProcess.RESOLVE_DISPUTE);

        ledger.pay(debtor, "300.00", TODAY.plusDays(6));

        runAsyncJobs(instance);

        assertClosedAsPaid(instance);
    }

    private void assertClosedAsPaid(ProcessInstance instance) {
        assertThat(instance).isEnded().hasPassed(TicketProcess.END_SETTLED);
        Ticket ticket = ticketOf(instance);
        assertThat(ticket.getStatus()).isEqualTo(TicketStatus.CLOSED);
        assertThat(ticket.getCloseReason()).isEqualTo(CloseReason.PAID);
        assertThat(ticket.getOverdueAmount()).isEqualByComparingTo("0");
        assertThat(ticket.getClosedAt()).isNotNull();
    }
}
