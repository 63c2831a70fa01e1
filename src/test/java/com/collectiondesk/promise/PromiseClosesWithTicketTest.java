package com.collectiondesk.promise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import com.collectiondesk.ledger.Contract;
import com.collectiondesk.ledger.Customer;
import com.collectiondesk.security.Groups;
import com.collectiondesk.support.TestUsers;
import com.collectiondesk.support.TicketProcessTestBase;
import com.collectiondesk.ticket.CloseReason;
import com.collectiondesk.ticket.Ticket;
import com.collectiondesk.ticket.TicketProcess;
import com.collectiondesk.ticket.TicketService;
import com.collectiondesk.ticket.TicketStatus;
import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.stream.StreamSupport;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;

/**
 * A pending promise never outlives its ticket: the ticket that closes paid keeps it, any other close cancels it,
 * and either way it leaves the cash forecast; a forecast with no promise history in the currency uses a stated
 * stand-in rate, not 0.00.
 */
class PromiseClosesWithTicketTest extends TicketProcessTestBase {

    @Autowired PromiseCommands commands;
    @Autowired TicketService ticketService;
    @Autowired TestRestTemplate rest;
    @Autowired IdentityService identity;

    @Test
    void aPaymentThatClosesTheTicketDuringThePromiseKeepsThePromiseAndTakesItOutOfTheForecast() {
        Customer debtor = standardDebtor();
        ProcessInstance instance = openAndPlan(debtor);
        commands.promise(instance.getBusinessKey(), new BigDecimal("300.00"), TODAY.plusDays(3), "api-user");
        runAsyncJobs(instance);
        assertThat(instance).isWaitingAt(TicketProcess.WAIT_FOR_PROMISE);

        ledger.pay(debtor, "300.00", TODAY.plusDays(1));
        runAsyncJobs(instance);

        Ticket ticket = ticketOf(instance);
        assertThat(ticket.getStatus()).isEqualTo(TicketStatus.CLOSED);
        assertThat(promises.findByTicketIdOrderByIdAsc(ticket.getId())).singleElement()
                .extracting(Promise::getStatus).isEqualTo(Promise.Status.KEPT);
        assertThat(timelineTypes(ticket)).containsSubsequence("PROMISE", "CLOSED", "PROMISE_KEPT");
        assertThat(ticket.getNextStep()).isNull();
        assertThat(forecastRowsFor(ticket.getCurrency(), TODAY.plusDays(3).toString())).isEmpty();
    }

    @Test
    void aTicketClosedOtherwiseCancelsItsPendingPromise() {
        ProcessInstance instance = openAndPlan(standardDebtor());
        commands.promise(instance.getBusinessKey(), new BigDecimal("120.00"), TODAY.plusDays(5), "api-user");
        runAsyncJobs(instance);

        transaction.executeWithoutResult(status -> ticketService.close(ticketService.byNumber(instance.getBusinessKey()),
                CloseReason.WRITTEN_OFF, "manager-mia"));

        Ticket ticket = ticketOf(instance);
        assertThat(promises.findByTicketIdOrderByIdAsc(ticket.getId())).singleElement()
                .extracting(Promise::getStatus).isEqualTo(Promise.Status.CANCELLED);
        assertThat(ticket.getBrokenPromises()).as("a cancelled promise is not a broken one").isZero();
    }

    @Test
    void withoutPromiseHistoryInTheCurrencyTheForecastUsesAStatedStandInRate() {
        Customer debtor = ledger.customer(500);
        Contract loan = ledger.contract(debtor, "CONSUMER_LOAN");
        ledger.invoice(debtor, loan, "80.00", TODAY.minusDays(10), "CHF");
        String number = opener.open(debtor.getId(), "CHF", TODAY).getTicketNumber();
        ProcessInstance instance = engine.getRuntimeService().createProcessInstanceQuery()
                .processInstanceBusinessKey(number).singleResult();
        runAsyncJobs(instance);
        commands.promise(number, new BigDecimal("80.00"), TODAY.plusDays(2), "api-user");
        runAsyncJobs(instance);

        JsonNode row = forecastRowsFor("CHF", TODAY.plusDays(2).toString()).iterator().next();

        assertThat(row.get("keptRateBasis").asText()).isIn("portfolio", "prior");
        BigDecimal rate = row.get("keptRate").decimalValue();
        assertThat(rate).isPositive();
        if (row.get("keptRateBasis").asText().equals("prior")) {
            assertThat(rate).isEqualByComparingTo("50.0");
        }
        assertThat(row.get("expectedAmount").decimalValue()).isPositive().isLessThanOrEqualTo(new BigDecimal("80.00"));
    }

    private Iterable<JsonNode> forecastRowsFor(String currency, String date) {
        TestUsers.ensure(identity, "mona", Groups.MANAGERS);
        JsonNode forecast = rest.withBasicAuth("mona", TestUsers.PASSWORD)
                .getForObject("/api/reports/cash-forecast?days=30", JsonNode.class);
        return StreamSupport.stream(forecast.get("rows").spliterator(), false)
                .filter(row -> row.get("currency").asText().equals(currency) && row.get("date").asText().equals(date))
                .toList();
    }
}
