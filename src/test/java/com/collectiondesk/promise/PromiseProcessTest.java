package com.collectiondesk.promise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import com.collectiondesk.contact.ContactAttempt;
import com.collectiondesk.ledger.Customer;
import com.collectiondesk.support.TicketProcessTestBase;
import com.collectiondesk.ticket.Ticket;
import com.collectiondesk.ticket.TicketConflictException;
import com.collectiondesk.ticket.TicketProcess;
import com.collectiondesk.ticket.TicketStatus;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class PromiseProcessTest extends TicketProcessTestBase {

    @Autowired PromiseCommands commands;

    @Test
    void aKeptPromiseResumesTheStrategyAtItsNextStepWhileMoneyIsStillOverdue() {
        Customer debtor = standardDebtor();
        ProcessInstance instance = promiseInCall(debtor, "100", TODAY.plusDays(8));
        Ticket ticket = ticketOf(instance);
        assertThat(ticket.getStatus()).isEqualTo(TicketStatus.PROMISED);
        assertThat(job(instance).getDuedate().toInstant()).isEqualTo(dayStart(TODAY.plusDays(11)));

        ledger.pay(debtor, "100.00", TODAY.plusDays(8));

        runAsyncJobs(instance);
        fireTimer(instance);

        assertThat(promises.findByTicketIdOrderByIdAsc(ticket.getId())).singleElement()
                .extracting(Promise::getStatus).isEqualTo(Promise.Status.KEPT);
        Ticket resumed = ticketOf(instance);
        assertThat(resumed.getStatus()).isEqualTo(TicketStatus.OPEN);
        assertThat(resumed.getBrokenPromises()).isZero();
        assertThat(resumed.getOverdueAmount()).isEqualByComparingTo("200.00");
        assertThat(instance).isWaitingAt(TicketProcess.WAIT_FOR_STEP);
        assertThat(resumed.getNextStep()).startsWith("LETTER");
    }

    @Test
    void aBrokenPromiseIsCountedAndTheStrategyResumesAtItsNextStep() {
        Customer debtor = standardDebtor();
        ProcessInstance instance = promiseInCall(debtor, "300", TODAY.plusDays(8));

        ledger.pay(debtor, "50.00", TODAY.plusDays(9));

        runAsyncJobs(instance);
        fireTimer(instance);

        Ticket ticket = ticketOf(instance);
        assertThat(promises.findByTicketIdOrderByIdAsc(ticket.getId())).singleElement()
                .extracting(Promise::getStatus).isEqualTo(Promise.Status.BROKEN);
        assertThat(ticket.getBrokenPromises()).isEqualTo(1);
        assertThat(ticket.getStatus()).isEqualTo(TicketStatus.OPEN);
        assertThat(timelineTypes(ticket)).contains("PROMISE", "PROMISE_BROKEN");
        assertThat(instance).isWaitingAt(TicketProcess.WAIT_FOR_STEP);
        // the letter was planned for day 10, which passed during the promise: it runs at the next send window
        assertThat(runNextStep(instance)).isEqualTo(sofiaNineOn(TODAY.plusDays(11)));
        assertThat(contacts.findByTicketIdOrderByAtAscIdAsc(ticket.getId())).last()
                .extracting(contact -> contact.getChannel().name()).isEqualTo("LETTER");
    }

    @Test
    void aPromiseThroughTheApiPausesTheWaitingStepWhichRunsAfterTheBrokenPromise() {
        Customer debtor = standardDebtor();
        ProcessInstance instance = openAndPlan(debtor);

        commands.promise(instance.getBusinessKey(), new BigDecimal("300.00"), TODAY.plusDays(3), "api-user");

        runAsyncJobs(instance);
        assertThat(instance).isWaitingAt(TicketProcess.WAIT_FOR_PROMISE);
        fireTimer(instance);

        assertThat(instance).isWaitingAt(TicketProcess.WAIT_FOR_STEP);
        runNextStep(instance);
        assertThat(contacts.findByTicketIdOrderByAtAscIdAsc(ticketOf(instance).getId()))
                .extracting(contact -> contact.getChannel().name()).containsExactly("SMS");
    }

    @Test
    void aSecondPromiseWhileOneIsPendingAndAPromiseOnAClosedTicketAreConflicts() {
        Customer debtor = standardDebtor();
        ProcessInstance instance = openAndPlan(debtor);
        commands.promise(instance.getBusinessKey(), new BigDecimal("300.00"), TODAY.plusDays(3), "api-user");
        runAsyncJobs(instance);

        assertThatThrownBy(() -> commands.promise(instance.getBusinessKey(), new BigDecimal("10.00"), TODAY.plusDays(4), "api-user"))
                .isInstanceOf(TicketConflictException.class).hasMessageContaining("PROMISED");
        ledger.pay(debtor, "300.00", TODAY);
        runAsyncJobs(instance);
        assertThatThrownBy(() -> commands.promise(instance.getBusinessKey(), new BigDecimal("10.00"), TODAY.plusDays(4), "api-user"))
                .isInstanceOf(TicketConflictException.class).hasMessageContaining("closed");
        assertThat(promises.findByTicketIdOrderByIdAsc(ticketOf(instance).getId())).hasSize(1);
    }

    private ProcessInstance promiseInCall(Customer debtor, String amount, LocalDate date) {
        ProcessInstance instance = openAndPlan(debtor);
        runNextStep(instance);
        runNextStep(instance);
        complete(task(instance), withVariables(TicketProcess.CALL_OUTCOME, "PROMISE",
                TicketProcess.PROMISE_AMOUNT, Long.valueOf(amount), TicketProcess.PROMISE_DATE, date.toString()));
        assertThat(instance).isWaitingAt(TicketProcess.WAIT_FOR_PROMISE);
        return instance;
    }

    private static Instant dayStart(LocalDate day) {
        return day.atStartOfDay(ZoneId.of("Europe/Sofia")).toInstant();
    }
}
