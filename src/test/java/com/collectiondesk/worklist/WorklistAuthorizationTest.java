package com.collectiondesk.worklist;

import static org.assertj.core.api.Assertions.assertThat;

import com.collectiondesk.security.Groups;
import com.collectiondesk.support.TestUsers;
import com.collectiondesk.ticket.TicketProcess;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;

/**
 * What each group sees of the work through the engine REST API Tasklist uses: collectors their calls only,
 * dispute handlers the disputes, managers everything including escalations. (Which webapps each group may
 * open is AuthenticationTest's subject.)
 */
class WorklistAuthorizationTest extends WorklistTestBase {

    @Autowired TestRestTemplate rest;

    @Test
    void eachGroupSeesOnlyTheTasksOfItsGroup() {
        String collector = collector("yann", List.of("en"), List.of("CONSUMER_LOAN"), null);
        String handler = user("zoe", Groups.DISPUTES);
        String manager = user("abel", Groups.MANAGERS);
        String called = openTicket(debtor("en"));
        String disputed = openTicket(debtor("en"));
        String escalated = openTicket(debtor("en"));
        Task call = tickets.runUntilTask(called, TicketProcess.CALL_DEBTOR, true);
        tickets.complete(tickets.runUntilTask(disputed, TicketProcess.CALL_DEBTOR, true),
                Map.of("outcome", "DISPUTE", "disputeReason", "Never ordered"));
        Task dispute = tickets.openTask(disputed, TicketProcess.RESOLVE_DISPUTE).orElseThrow();
        tickets.complete(tickets.runUntilTask(escalated, TicketProcess.CALL_DEBTOR, true), Map.of("outcome", "REFUSED"));
        Task review = tickets.runUntilTask(escalated, TicketProcess.REVIEW_ESCALATION, true);

        assertThat(visibleTaskIds(collector)).contains(call.getId()).doesNotContain(dispute.getId(), review.getId());
        assertThat(visibleTaskIds(handler)).contains(dispute.getId()).doesNotContain(call.getId(), review.getId());
        assertThat(visibleTaskIds(manager)).contains(call.getId(), dispute.getId(), review.getId());
        assertThat(rest.withBasicAuth(collector, TestUsers.PASSWORD).getForEntity(
                "/engine-rest/engine/" + engine.getName() + "/task/" + review.getId(), Map.class).getStatusCode().value())
                .isIn(403, 404);
    }

    @SuppressWarnings("unchecked")
    private List<String> visibleTaskIds(String user) {
        List<Map<String, Object>> tasks = rest.withBasicAuth(user, TestUsers.PASSWORD).getForObject(
                "/engine-rest/engine/" + engine.getName() + "/task?firstResult=0&maxResults=2000", List.class);
        return tasks.stream().map(task -> (String) task.get("id")).toList();
    }
}
