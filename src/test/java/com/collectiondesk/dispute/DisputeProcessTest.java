package com.collectiondesk.dispute;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import com.collectiondesk.contact.ContactAttempt;
import com.collectiondesk.ledger.Customer;
import com.collectiondesk.ledger.InvoiceCancellation;
import com.collectiondesk.ledger.InvoiceCancellationRepository;
import com.collectiondesk.ledger.InvoiceRepository;
import com.collectiondesk.ledger.InvoiceStatus;
import com.collectiondesk.support.TicketProcessTestBase;
import com.collectiondesk.system.BusinessClock;
import com.collectiondesk.ticket.CloseReason;
import com.collectiondesk.ticket.Ticket;
import com.collectiondesk.ticket.TicketConflictException;
import com.collectiondesk.ticket.TicketProcess;
import com.collectiondesk.ticket.TicketStatus;
import java.math.BigDecimal;
import java.util.List;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class DisputeProcessTest extends TicketProcessTestBase {

    @Autowired DisputeCommands commands;
    @Autowired InvoiceRepository invoices;
    @Autowired InvoiceCancellationRepository cancellations;
    @Autowired BusinessClock clock;

    @Test
    void anUpheldDisputeCancelsTheDisputedMoneyNewestInvoiceFirstAndTheStrategyResumes() {
        Customer debtor = standardDebtor();
        ProcessInstance instance = disputeInCall(debtor, 120L);
        assertThat(task(instance)).hasCandidateGroup("disputes");
        assertThat(engine.getTaskService().getVariable(task(instance).getId(), "disputedAmount")).isEqualTo("120.00 EUR");

        complete(task(instance), withVariables(TicketProcess.RESOLUTION, "UPHELD"));

        Ticket ticket = ticketOf(instance);
        assertThat(ticket.getOverdueAmount()).isEqualByComparingTo("180.00");
        assertThat(invoices.findByCustomerOrderByDueDateAscInvoiceNumberAsc(debtor))
                .extracting(invoice -> invoice.getOpenAmount().toPlainString()).containsExactly("180.00", "0.00");
        // dated, so receivables on earlier days still count the money (reports): 100 on the newer invoice, 20 on the older
        List<InvoiceCancellation> made = invoices.findByCustomerOrderByDueDateAscInvoiceNumberAsc(debtor).stream()
                .flatMap(invoice -> cancellations.findByInvoiceOrderByCancelledAtAsc(invoice).stream()).toList();
        assertThat(made).extracting(cancellation -> cancellation.getAmount().toPlainString()).containsExactly("20.00", "100.00");
        assertThat(made).allSatisfy(cancellation -> {
            assertThat(cancellation.getCancelledOn()).isEqualTo(clock.today());
            assertThat(cancellation.getReason()).isEqualTo("Dispute upheld on " + instance.getBusinessKey());
        });
        assertThat(disputes.findByTicketIdOrderByIdAsc(ticket.getId())).singleElement()
                .extracting(Dispute::getResolution).isEqualTo(Dispute.Resolution.UPHELD);
        assertThat(ticket.getStatus()).isEqualTo(TicketStatus.OPEN);
        assertThat(instance).isWaitingAt(TicketProcess.WAIT_FOR_STEP);
        assertThat(ticket.getNextStep()).startsWith("LETTER");
    }

    @Test
    void anUpheldDisputeOverEverythingClosesTheTicketAsCancelled() {
        Customer debtor = standardDebtor();
        ProcessInstance instance = disputeInCall(debtor, null);

        complete(task(instance), withVariables(TicketProcess.RESOLUTION, "UPHELD"));

        assertThat(instance).isEnded().hasPassed(TicketProcess.END_CANCELLED);
        Ticket ticket = ticketOf(instance);
        assertThat(ticket.getCloseReason()).isEqualTo(CloseReason.CANCELLED);
        assertThat(ticket.getOverdueAmount()).isEqualByComparingTo("0");
        // the ledger shows the money as cancelled, not as paid
        assertThat(invoices.findByCustomerOrderByDueDateAscInvoiceNumberAsc(debtor))
                .allSatisfy(invoice -> {
                    assertThat(invoice.getStatus()).isEqualTo(InvoiceStatus.CANCELLED);
                    assertThat(invoice.paidAmount()).isEqualByComparingTo("0");
                    assertThat(invoice.getCancelledAmount()).isEqualByComparingTo(invoice.getAmount());
                });
    }

    @Test
    void aRejectedDisputeLeavesTheMoneyAndTheStrategyResumes() {
        Customer debtor = standardDebtor();
        ProcessInstance instance = disputeInCall(debtor, 120L);

        complete(task(instance), withVariables(TicketProcess.RESOLUTION, "REJECTED"));

        Ticket ticket = ticketOf(instance);
        assertThat(ticket.getOverdueAmount()).isEqualByComparingTo("300.00");
        assertThat(ticket.getStatus()).isEqualTo(TicketStatus.OPEN);
        assertThat(instance).isWaitingAt(TicketProcess.WAIT_FOR_STEP);
        runNextStep(instance);
        assertThat(contacts.findByTicketIdOrderByAtAscIdAsc(ticket.getId())).last()
                .extracting(contact -> contact.getChannel().name()).isEqualTo("LETTER");
    }

    @Test
    void aDisputeThroughTheApiPausesTheStrategyAndASecondOneIsAConflict() {
        Customer debtor = standardDebtor();
        ProcessInstance instance = openAndPlan(debtor);

        commands.dispute(instance.getBusinessKey(), "Amount is wrong", new BigDecimal("50.00"), "api-user");

        runAsyncJobs(instance);

        assertThat(instance).isWaitingAt(TicketProcess.RESOLVE_DISPUTE);
        assertThat(ticketOf(instance).getStatus()).isEqualTo(TicketStatus.DISPUTED);
        assertThatThrownBy(() -> commands.dispute(instance.getBusinessKey(), "Again", null, "api-user"))
                .isInstanceOf(TicketConflictException.class).hasMessageContaining("DISPUTED");
        assertThat(disputes.findByTicketIdOrderByIdAsc(ticketOf(instance).getId())).hasSize(1);
    }

    private ProcessInstance disputeInCall(Customer debtor, Long amount) {
        ProcessInstance instance = openAndPlan(debtor);
        runNextStep(instance);
        runNextStep(instance);
        complete(task(instance), withVariables(TicketProcess.CALL_OUTCOME, "DISPUTE",
                TicketProcess.DISPUTE_REASON, "Second invoice was never delivered", TicketProcess.DISPUTE_AMOUNT, amount));
        assertThat(instance).isWaitingAt(TicketProcess.RESOLVE_DISPUTE);
        assertThat(ticketOf(instance).getStatus()).isEqualTo(TicketStatus.DISPUTED);
        return instance;
    }
}
