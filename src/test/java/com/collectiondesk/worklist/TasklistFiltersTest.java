package com.collectiondesk.worklist;

import static org.assertj.core.api.Assertions.assertThat;

import com.collectiondesk.ledger.Customer;
import com.collectiondesk.security.Groups;
import com.collectiondesk.support.TestUsers;
import com.collectiondesk.ticket.TicketProcess;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;

class TasklistFiltersTest extends WorklistTestBase {

    private static final List<String> LOANS = List.of("CONSUMER_LOAN");

    @Autowired FilterService filters;
    @Autowired TestRestTemplate rest;

    @Test
    void aCollectorSeesTodaysCallsButNeitherTomorrowsNorDisputes() {
        String collector = collector("nora", List.of("en"), LOANS, null);
        String handler = user("otto", Groups.DISPUTES);
        String dueToday = openTicket(debtor("en"));
        String dueTomorrow = tickets.open(debtor("en").getId(), TODAY.plusDays(1));
        String disputed = openTicket(debtor("en"));

        Task todaysCall = tickets.runUntilTask(dueToday, TicketProcess.CALL_DEBTOR, true);
        Date callDay = ClockUtil.getCurrentTime();
        tickets.complete(tickets.runUntilTask(disputed, TicketProcess.CALL_DEBTOR, true),
                Map.of("outcome", "DISPUTE", "disputeReason", "Invoice already paid in cash"));
        Task dispute = tickets.openTask(disputed, TicketProcess.RESOLVE_DISPUTE).orElseThrow();
        Task tomorrowsCall = tickets.runUntilTask(dueTomorrow, TicketProcess.CALL_DEBTOR, true);
        ClockUtil.setCurrentTime(callDay);

        identity.setAuthentication(collector, List.of(Groups.COLLECTORS));
        assertThat(visibleFilterNames()).contains(TasklistFilters.MY_TASKS, TasklistFilters.CALLS_DUE_TODAY,
                TasklistFilters.UNASSIGNED_CALLS).doesNotContain(TasklistFilters.DISPUTE_TASKS, TasklistFilters.ESCALATIONS);
        assertThat(taskIds(TasklistFilters.CALLS_DUE_TODAY)).contains(todaysCall.getId())
                .doesNotContain(tomorrowsCall.getId(), dispute.getId());
        assertThat(taskIds(TasklistFilters.MY_TASKS)).contains(todaysCall.getId(), tomorrowsCall.getId())
                .doesNotContain(dispute.getId());
        assertThat(engine.getTaskService().createTaskQuery().taskId(dispute.getId()).count()).isZero();

        identity.setAuthentication(handler, List.of(Groups.DISPUTES));
        assertThat(visibleFilterNames()).contains(TasklistFilters.DISPUTE_TASKS).doesNotContain(TasklistFilters.CALLS_DUE_TODAY);
        assertThat(taskIds(TasklistFilters.DISPUTE_TASKS)).contains(dispute.getId()).doesNotContain(todaysCall.getId());
    }

    @Test
    void callsDueTodayListTheHardSegmentsCallBeforeTheStandardOne() {
        String collector = collector("hana", List.of("en"), LOANS, null);
        String standard = openTicket(debtor("en"));
        Customer risky = ledger.change(debtor("en"), debtor -> debtor.riskScore(850));
        // HARD calls on day 0, STANDARD on day 5: opened five days apart, both calls fall due on the same day
        String hard = tickets.open(risky.getId(), TODAY.plusDays(5));

        Task standardCall = tickets.runUntilTask(standard, TicketProcess.CALL_DEBTOR, true);
        Task hardCall = tickets.runUntilTask(hard, TicketProcess.CALL_DEBTOR, true);

        assertThat(hardCall.getPriority()).isGreaterThan(standardCall.getPriority());
        identity.setAuthentication(collector, List.of(Groups.COLLECTORS));
        assertThat(taskIds(TasklistFilters.CALLS_DUE_TODAY))
                .filteredOn(id -> id.equals(hardCall.getId()) || id.equals(standardCall.getId()))
                .containsExactly(hardCall.getId(), standardCall.getId());
    }

    @Test
    void unclaimedCallsAreListedUntilSomeoneClaimsThem() {
        String away = collector("paul", List.of("en"), LOANS, null);
        String ticket = openTicket(debtor("en"));
        makeUnavailable(away);
        Task call = tickets.runUntilTask(ticket, TicketProcess.CALL_DEBTOR, true);
        String colleague = user("rita", Groups.COLLECTORS);
        identity.setAuthentication(colleague, List.of(Groups.COLLECTORS));
        assertThat(taskIds(TasklistFilters.UNASSIGNED_CALLS)).contains(call.getId());

        engine.getTaskService().claim(call.getId(), colleague);

        assertThat(taskIds(TasklistFilters.UNASSIGNED_CALLS)).doesNotContain(call.getId());
        assertThat(taskIds(TasklistFilters.MY_TASKS)).contains(call.getId());
    }

    @Test
    @SuppressWarnings("unchecked")
    void tasklistShowsTicketNumberDebtorOverdueAmountAndDpdOnEachCall() {
        String collector = collector("sven", List.of("en"), LOANS, null);
        String ticket = openTicket(debtor("en"));
        Task call = tickets.runUntilTask(ticket, TicketProcess.CALL_DEBTOR, true);
        String filterId = filters.createFilterQuery().filterName(TasklistFilters.CALLS_DUE_TODAY).singleResult().getId();

        HttpHeaders headers = new HttpHeaders();
        headers.setAccept(List.of(MediaType.parseMediaType("application/hal+json")));
        headers.setContentType(MediaType.APPLICATION_JSON);
        Map<String, Object> page = rest.withBasicAuth(collector, TestUsers.PASSWORD).exchange(
                "/engine-rest/engine/" + engine.getName() + "/filter/" + filterId + "/list?firstResult=0&maxResults=50",
                HttpMethod.POST, new HttpEntity<>(Map.of(), headers), Map.class).getBody();

        List<Map<String, Object>> tasks = (List<Map<String, Object>>) ((Map<String, Object>) page.get("_embedded")).get("task");
        Map<String, Object> card = tasks.stream().filter(task -> call.getId().equals(task.get("id"))).findFirst().orElseThrow();
        List<Map<String, Object>> variables = (List<Map<String, Object>>) ((Map<String, Object>) card.get("_embedded")).get("variable");
        // DPD as of the call's day: the contact policy's balance check refreshed the ticket when the step came due
        assertThat(variables).extracting(variable -> variable.get("name") + "=" + variable.get("value"))
                .contains("ticketNumber=" + ticket, "debtorName=Ivana Petrova", "overdue=300.00 EUR", "maxDpd=25");
    }

    private List<String> visibleFilterNames() {
        return filters.createFilterQuery().listPage(0, 100).stream().map(Filter::getName).toList();
    }

    private List<String> taskIds(String filterName) {
        Filter filter = filters.createFilterQuery().filterName(filterName).singleResult();
        return filters.<Task>listPage(filter.getId(), 0, 500).stream().map(Task::getId).toList();
    }
}
