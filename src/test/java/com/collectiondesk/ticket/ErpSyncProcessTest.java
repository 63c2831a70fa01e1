package com.collectiondesk.ticket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.reset;
import static org.mockito.Mockito.verify;

import com.collectiondesk.ledger.Customer;
import com.collectiondesk.ledger.CustomerRepository;
import com.collectiondesk.ledger.InvoiceRepository;
import com.collectiondesk.support.TicketProcessTestBase;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class ErpSyncProcessTest extends TicketProcessTestBase {

    @Autowired InvoiceRepository invoices;
    @Autowired CustomerRepository customers;

    @AfterEach
    void erpBack() {
        reset(erp);
    }

    @Test
    void anErpThatStaysDownEndsInAnIncidentAndTheTicketGoesOnOnceItIsBack() {
        doThrow(new IllegalStateException("ERP unreachable")).when(erp).pull(anyString());
        ProcessInstance instance = open(standardDebtor());

        for (int attempt = 1; attempt <= 3; attempt++) {
            Job sync = job(instance);
            assertThatThrownBy(() -> execute(sync)).hasMessageContaining("ERP unreachable");
        }

        Job failed = job(instance);
        assertThat(failed.getRetries()).isZero();
        assertThat(engine.getRuntimeService().createIncidentQuery().processInstanceId(instance.getId()).singleResult())
                .satisfies(incident -> assertThat(incident.getIncidentMessage()).contains("ERP unreachable"));
        assertThat(instance).isWaitingAt(TicketProcess.SYNC_WITH_ERP);
        assertThat(ticketOf(instance).getSegment()).isNull();

        reset(erp);
        engine.getManagementService().setJobRetries(failed.getId(), 1);
        execute(job(instance));
        runAsyncJobs(instance);

        assertThat(instance).isWaitingAt(TicketProcess.WAIT_FOR_STEP);
        assertThat(ticketOf(instance).getSegment()).isEqualTo("STANDARD");
        assertThat(engine.getRuntimeService().createIncidentQuery().processInstanceId(instance.getId()).count()).isZero();
    }

    @Test
    void anErpThatRefusesTicketEventsLeavesTheTicketWaitingAtTheNoticeWithAnIncident() {
        ProcessInstance instance = openAndPlan(standardDebtor());
        doThrow(new IllegalStateException("ERP answered 503")).when(erp).push(any());

        ledger.pay(customers.findById(ticketOf(instance).getCustomerPk()).orElseThrow(), "300.00", TODAY);
        for (int attempt = 1; attempt <= 3; attempt++) {
            Job notice = job(instance);
            assertThatThrownBy(() -> execute(notice)).hasMessageContaining("503");
        }

        assertThat(instance).isWaitingAt("notify-erp-settled");
        assertThat(engine.getRuntimeService().createIncidentQuery().processInstanceId(instance.getId()).count()).isEqualTo(1);
        assertThat(ticketOf(instance).getCloseReason()).isEqualTo(CloseReason.PAID);

        reset(erp);
        engine.getManagementService().setJobRetries(job(instance).getId(), 1);
        execute(job(instance));
        runAsyncJobs(instance); // the notice commits on its own (async after), then the process ends

        assertThat(instance).isEnded();
        verify(erp).push(argThat(notice ->
                notice.type().equals("CLOSED") && notice.detail().equals("PAID") && notice.ticketNumber().equals(instance.getBusinessKey())));
    }

    @Test
    void aCustomerWhoPaidInTheErpBeforeTheFirstSyncIsClosedAsPaidWithoutAnyStep() {
        Customer debtor = standardDebtor();
        ProcessInstance instance = open(debtor);
        // the ERP's copy shows everything settled; its pull brings the ledger in line, as the REST adapter does
        doAnswer(call -> {
            invoices.findByCustomerOrderByDueDateAscInvoiceNumberAsc(debtor).forEach(ledger::settledInErp);
            return null;
        }).when(erp).pull(debtor.getCustomerId());

        runAsyncJobs(instance);

        assertThat(instance).isEnded().hasPassed(TicketProcess.END_PAID_BEFORE_WORK);
        assertThat(ticketOf(instance).getCloseReason()).isEqualTo(CloseReason.PAID);
        assertThat(contacts.findByTicketIdOrderByAtAscIdAsc(ticketOf(instance).getId())).isEmpty();
    }
}
