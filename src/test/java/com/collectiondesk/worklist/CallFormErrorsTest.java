package com.collectiondesk.worklist;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import com.collectiondesk.dispute.DisputeRepository;
import com.collectiondesk.promise.PromiseRepository;
import com.collectiondesk.support.LogCapture;
import com.collectiondesk.support.TestUsers;
import com.collectiondesk.ticket.TicketProcess;
import com.collectiondesk.ticket.TicketRepository;
import com.collectiondesk.ticket.TicketStatus;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.VariableMap;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * What Tasklist gets when it submits a call form the server refuses: 400 naming the form field and saying what is
 * allowed, the task still open, nothing recorded, no error with a stack trace in the log; and the bounds the form's
 * own validation checks before submitting.
 */
class CallFormErrorsTest extends WorklistTestBase {

    private static final List<String> LOANS = List.of("CONSUMER_LOAN");

    @Autowired TestRestTemplate rest;
    @Autowired TicketRepository ticketRows;
    @Autowired PromiseRepository promises;
    @Autowired DisputeRepository disputes;

    @Test
    void theCallFormGetsTheBoundsItsFieldsAreCheckedAgainst() {
        collector("fern", List.of("en"), LOANS, null);
        Task call = tickets.runUntilTask(openTicket(debtor("en")), TicketProcess.CALL_DEBTOR, true);
        LocalDate callDay = LocalDate.ofInstant(ClockUtil.getCurrentTime().toInstant(), SOFIA);

        VariableMap form = engine.getFormService().getTaskFormVariables(call.getId());

        assertThat(form.get("promiseEarliestDate")).isEqualTo(callDay.toString());
        assertThat(form.get("promiseLatestDate")).isEqualTo(callDay.plusDays(30).toString());
        assertThat(form.get("overdueAmount")).isEqualTo(300.0);
    }

    @Test
    void aPromiseMoreThanThirtyDaysAheadIsRefusedOnItsField() {
        String collector = collector("gail", List.of("en"), LOANS, null);
        String ticket = openTicket(debtor("en"));
        Task call = tickets.runUntilTask(ticket, TicketProcess.CALL_DEBTOR, true);
        String tooFar = LocalDate.ofInstant(ClockUtil.getCurrentTime().toInstant(), SOFIA).plusDays(31).toString();

        Refusal refusal = submit(collector, call, Map.of("outcome", string("PROMISE"),
                "promiseAmount", Map.of("value", 100, "type", "Double"), "promiseDate", string(tooFar)));

        assertThat(refusal.message()).contains(": promiseDate: " + tooFar + " is more than 30 days ahead");
        assertNothingRecorded(ticket);
    }

    @Test
    void aDisputedAmountAboveWhatIsOverdueIsRefusedOnItsField() {
        String collector = collector("hugo", List.of("en"), LOANS, null);
        String ticket = openTicket(debtor("en"));
        Task call = tickets.runUntilTask(ticket, TicketProcess.CALL_DEBTOR, true);

        Refusal refusal = submit(collector, call, Map.of("outcome", string("DISPUTE"),
                "disputeReason", string("Never ordered"), "disputeAmount", Map.of("value", 1_000_000, "type", "Double")));

        assertThat(refusal.message()).endsWith(": disputeAmount: at most the 300.00 EUR overdue on the ticket can be"
                + " disputed, not 1000000.00");
        assertNothingRecorded(ticket);
    }

    @Test
    void aDisputeWithoutAReasonIsRefusedOnItsField() {
        String collector = collector("ines", List.of("en"), LOANS, null);
        String ticket = openTicket(debtor("en"));
        Task call = tickets.runUntilTask(ticket, TicketProcess.CALL_DEBTOR, true);

        Refusal refusal = submit(collector, call, Map.of("outcome", string("DISPUTE"),
                "disputeAmount", Map.of("value", 10, "type", "Double")));

        assertThat(refusal.message()).endsWith(": disputeReason: a dispute needs a reason");
        assertNothingRecorded(ticket);
    }

    private void assertNothingRecorded(String ticket) {
        assertThat(tickets.openTask(ticket, TicketProcess.CALL_DEBTOR)).isPresent();
        assertThat(tickets.status(ticket)).isEqualTo(TicketStatus.OPEN);
        Long id = ticketRows.findByTicketNumber(ticket).orElseThrow().getId();
        assertThat(promises.findByTicketIdOrderByIdAsc(id)).isEmpty();
        assertThat(disputes.findByTicketIdOrderByIdAsc(id)).isEmpty();
    }

    private Refusal submit(String collector, Task call, Map<String, Object> variables) {
        try (LogCapture log = new LogCapture("org.camunda.bpm.engine.context", "org.camunda.bpm.engine.rest.exception",
                "com.collectiondesk")) {
            ResponseEntity<Map> response = rest.withBasicAuth(collector, TestUsers.PASSWORD).postForEntity(
                    "/engine-rest/engine/" + engine.getName() + "/task/" + call.getId() + "/submit-form",
                    Map.of("variables", variables), Map.class);
            assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
            String message = (String) response.getBody().get("message");
            assertThat(message).doesNotContain("ENGINE-", "TaskListener", "Exception");
            assertThat(log.events).as("a user's mistake is no warning or error in the log")
                    .noneMatch(event -> event.getLevel().isGreaterOrEqual(Level.WARN));
            return new Refusal(message);
        }
    }

    private static Map<String, Object> string(String value) {
        return Map.of("value", value, "type", "String");
    }

    private record Refusal(String message) {
    }
}
