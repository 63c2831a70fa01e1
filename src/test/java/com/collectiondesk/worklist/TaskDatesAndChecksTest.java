package com.collectiondesk.worklist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.collectiondesk.ledger.Customer;
import com.collectiondesk.support.TestUsers;
import com.collectiondesk.ticket.TicketProcess;
import com.collectiondesk.ticket.TicketStatus;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** Due and follow-up dates on each kind of task, and the call outcome rules the server enforces. */
class TaskDatesAndChecksTest extends WorklistTestBase {

    private static final List<String> LOANS = List.of("CONSUMER_LOAN");

    @Autowired TestRestTemplate rest;

    @Test
    void aCallIsDueAtTheEndOfItsDayInTheDebtorsTimeZone() {
        collector("tina", List.of("en"), LOANS, null);
        Customer lisbon = ledger.change(debtor("en"), debtor -> debtor.timeZone("Europe/Lisbon"));

        Task call = tickets.runUntilTask(openTicket(lisbon), TicketProcess.CALL_DEBTOR, true);

        Instant created = call.getCreateTime().toInstant();
        LocalDate stepDay = LocalDate.ofInstant(created, ZoneId.of("Europe/Lisbon"));
        assertThat(call.getDueDate().toInstant())
                .isEqualTo(LocalDateTime.of(stepDay, java.time.LocalTime.of(23, 59, 59)).atZone(ZoneId.of("Europe/Lisbon")).toInstant());
        assertThat(call.getFollowUpDate().toInstant()).isEqualTo(created);
        assertThat(call.getPriority()).isPositive();
    }

    @Test
    void disputesAreDueInTenBusinessDaysAndEscalationsInFive() {
        collector("uwe", List.of("en"), LOANS, null);
        String disputed = openTicket(debtor("en"));
        tickets.complete(tickets.runUntilTask(disputed, TicketProcess.CALL_DEBTOR, true),
                Map.of("outcome", "DISPUTE", "disputeReason", "Goods returned"));
        Task dispute = tickets.openTask(disputed, TicketProcess.RESOLVE_DISPUTE).orElseThrow();
        LocalDate disputeDay = sofiaDay(dispute.getCreateTime().toInstant());
        assertThat(disputeDay.getDayOfWeek()).isEqualTo(java.time.DayOfWeek.SATURDAY);
        // Saturday 7 March + 10 business days = Friday 20 March; follow up on Thursday 19 March
        assertThat(dispute.getDueDate().toInstant()).isEqualTo(sofia(LocalDate.of(2026, 3, 20), 23, 59, 59));
        assertThat(dispute.getFollowUpDate().toInstant()).isEqualTo(sofia(LocalDate.of(2026, 3, 19), 0, 0, 0));

        ClockUtil.setCurrentTime(java.util.Date.from(MONDAY_MORNING));
        String escalated = openTicket(debtor("en"));
        tickets.complete(tickets.runUntilTask(escalated, TicketProcess.CALL_DEBTOR, true), Map.of("outcome", "NO_ANSWER"));
        Task review = tickets.runUntilTask(escalated, TicketProcess.REVIEW_ESCALATION, true);
        LocalDate reviewDay = sofiaDay(review.getCreateTime().toInstant());
        LocalDate expectedDue = reviewDay;
        for (int businessDays = 0; businessDays < 5; ) {
            expectedDue = expectedDue.plusDays(1);
            if (expectedDue.getDayOfWeek().getValue() <= 5) {
                businessDays++;
            }
        }
        assertThat(review.getDueDate().toInstant()).isEqualTo(sofia(expectedDue, 23, 59, 59));
    }

    @Test
    void thePromiseDateMustLieBetweenTodayAndThirtyDaysAheadWhateverClientCompletesTheCall() {
        collector("vera", List.of("en"), LOANS, null);
        String ticket = openTicket(debtor("en"));
        Task call = tickets.runUntilTask(ticket, TicketProcess.CALL_DEBTOR, true);
        LocalDate callDay = sofiaDay(ClockUtil.getCurrentTime().toInstant());

        assertThatThrownBy(() -> tickets.complete(call, promise(callDay.minusDays(1))))
                .isInstanceOf(ProcessEngineException.class).hasMessageContaining("promiseDate").hasMessageContaining("in the past");
        assertThatThrownBy(() -> tickets.complete(call, promise(callDay.plusDays(31))))
                .isInstanceOf(ProcessEngineException.class).hasMessageContaining("promiseDate").hasMessageContaining("30 days");
        assertThatThrownBy(() -> tickets.complete(call, Map.of("outcome", "PROMISE", "promiseDate", callDay.plusDays(3).toString())))
                .isInstanceOf(ProcessEngineException.class).hasMessageContaining("promiseAmount");
        assertThatThrownBy(() -> tickets.complete(call, Map.of("outcome", "DISPUTE", "disputeReason", " ")))
                .isInstanceOf(ProcessEngineException.class).hasMessageContaining("disputeReason");
        assertThat(tickets.openTask(ticket, TicketProcess.CALL_DEBTOR)).isPresent();
        assertThat(tickets.status(ticket)).isEqualTo(TicketStatus.OPEN);

        tickets.complete(call, promise(callDay.plusDays(30)));
        assertThat(tickets.status(ticket)).isEqualTo(TicketStatus.PROMISED);
    }

    @Test
    void tasklistsFormSubmissionIsRefusedWithTheFieldNamedWhenThePromiseDateIsPast() {
        String collector = collector("walt", List.of("en"), LOANS, null);
        String ticket = openTicket(debtor("en"));
        Task call = tickets.runUntilTask(ticket, TicketProcess.CALL_DEBTOR, true);
        String yesterday = sofiaDay(ClockUtil.getCurrentTime().toInstant()).minusDays(1).toString();

        ResponseEntity<Map> response = rest.withBasicAuth(collector, TestUsers.PASSWORD).postForEntity(
                "/engine-rest/engine/" + engine.getName() + "/task/" + call.getId() + "/submit-form",
                Map.of("variables", Map.of(
                        "outcome", Map.of("value", "PROMISE", "type", "String"),
                        "promiseAmount", Map.of("value", 100, "type", "Double"),
                        "promiseDate", Map.of("value", yesterday, "type", "String"))), Map.class);

        assertThat(response.getStatusCode().is2xxSuccessful()).isFalse();
        assertThat(response.getStatusCode()).isNotEqualTo(HttpStatus.FORBIDDEN);
        assertThat((String) response.getBody().get("message")).contains("promiseDate").contains("in the past");
        assertThat(tickets.openTask(ticket, TicketProcess.CALL_DEBTOR)).isPresent();
    }

    private static Map<String, Object> promise(LocalDate date) {
        return Map.of("outcome", "PROMISE", "promiseAmount", 120.0, "promiseDate", date.toString());
    }

    private static LocalDate sofiaDay(Instant instant) {
        return LocalDate.ofInstant(instant, SOFIA);
    }

    private static Instant sofia(LocalDate day, int hour, int minute, int second) {
        return day.atTime(hour, minute, second).atZone(SOFIA).toInstant();
    }
}
