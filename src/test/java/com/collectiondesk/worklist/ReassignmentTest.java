package com.collectiondesk.worklist;

import static org.assertj.core.api.Assertions.assertThat;

import com.collectiondesk.security.Groups;
import com.collectiondesk.support.TestUsers;
import com.collectiondesk.ticket.CloseReason;
import com.collectiondesk.ticket.TicketProcess;
import com.collectiondesk.ticket.TicketRepository;
import com.collectiondesk.ticket.TicketService;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.support.TransactionTemplate;

/** {@code POST /api/tickets/reassignments}: managers move one ticket or many, by number or by filter, with their open tasks. */
class ReassignmentTest extends WorklistTestBase {

    private static final List<String> LOANS = List.of("CONSUMER_LOAN");

    @Autowired TestRestTemplate rest;
    @Autowired TicketRepository ticketRows;
    @Autowired TicketService ticketService;
    @Autowired TransactionTemplate transaction;

    @Test
    void oneTicketByNumberMovesWithItsOpenCall() {
        String owner = collector("anya", List.of("en"), LOANS, null);
        String successor = collector("bert", List.of("de"), List.of("LEASING"), null);
        String manager = user("cleo", Groups.MANAGERS);
        String ticket = openTicket(debtor("en"));
        Task call = tickets.runUntilTask(ticket, TicketProcess.CALL_DEBTOR, true);
        assertThat(call.getAssignee()).isEqualTo(owner);

        ResponseEntity<Map> moved = post(manager, Map.of("ticketNumbers", List.of(ticket), "newOwner", successor));

        assertThat(moved.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(moved.getBody()).containsEntry("newOwner", successor).containsEntry("ticketsMoved", 1)
                .containsEntry("tasksMoved", 1).containsEntry("ticketNumbers", List.of(ticket));
        assertThat(assigneeOf(call)).isEqualTo(successor);
        assertThat(tickets.owner(ticket)).isEqualTo(successor);
    }

    @Test
    void everyOpenTicketOfAnOwnerInASegmentMovesAndOthersStay() {
        String leaving = collector("dora", List.of("en"), LOANS, null);
        String successor = collector("emil", List.of("en"), LOANS, null);
        makeUnavailable(successor);
        String manager = user("faye", Groups.MANAGERS);
        // while emil is away, dora gets all three tickets and their calls
        List<String> doras = List.of(openTicket(debtor("en")), openTicket(debtor("en")), openTicket(debtor("en")));
        List<Task> calls = doras.stream().map(t -> tickets.runUntilTask(t, TicketProcess.CALL_DEBTOR, true)).toList();
        assertThat(calls).allSatisfy(call -> assertThat(call.getAssignee()).isEqualTo(leaving));
        profiles.save(available(successor));

        ResponseEntity<Map> none = post(manager, Map.of("filter", Map.of("owner", leaving, "segment", "HARD"), "newOwner", successor));
        assertThat(none.getBody()).containsEntry("ticketsMoved", 0).containsEntry("tasksMoved", 0);
        assertThat(doras).allSatisfy(t -> assertThat(tickets.owner(t)).isEqualTo(leaving));

        ResponseEntity<Map> moved = post(manager, Map.of("filter", Map.of("owner", leaving, "segment", "STANDARD", "bucket", ""),
                "newOwner", successor));

        assertThat(moved.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(moved.getBody()).containsEntry("ticketsMoved", 3).containsEntry("tasksMoved", 3);
        assertThat((List<String>) moved.getBody().get("ticketNumbers")).containsExactlyInAnyOrderElementsOf(doras);
        assertThat(calls).allSatisfy(call -> assertThat(assigneeOf(call)).isEqualTo(successor));
        assertThat(doras).allSatisfy(t -> assertThat(tickets.owner(t)).isEqualTo(successor));

        // the queue follows: emil has the three tickets and calls, dora none
        Map<?, ?> queue = asManager(manager).getForObject("/api/collectors/" + successor + "/queue", Map.class);
        assertThat((List<?>) queue.get("tickets")).hasSize(3);
        assertThat((List<?>) queue.get("tasks")).hasSize(3);
        assertThat(collectorRow(manager, leaving).get("queue")).isEqualTo(Map.of("openTickets", 0, "overdue", List.of(),
                "openTasks", 0, "overdueTasks", 0));
        assertThat(collectorRow(manager, successor).get("queue")).isEqualTo(Map.of("openTickets", 3,
                "overdue", List.of(Map.of("currency", "EUR", "amount", 900.0)), "openTasks", 3, "overdueTasks", 0));
    }

    @Test
    void toAnOwnerWhoIsAwayTheTicketsMoveAndTheirCallsWaitForTheGroup() {
        String owner = collector("gabe", List.of("en"), LOANS, null);
        String away = collector("hana", List.of("en"), LOANS, null);
        String manager = user("ivan", Groups.MANAGERS);
        makeUnavailable(away);
        String ticket = openTicket(debtor("en"));
        Task call = tickets.runUntilTask(ticket, TicketProcess.CALL_DEBTOR, true);

        ResponseEntity<Map> moved = post(manager, Map.of("filter", Map.of("owner", owner), "newOwner", away));

        assertThat(moved.getBody()).containsEntry("ticketsMoved", 1).containsEntry("tasksMoved", 1);
        assertThat(tickets.owner(ticket)).isEqualTo(away);
        assertThat(assigneeOf(call)).isNull();
    }

    @Test
    void aCollectorMayNotReassignAndNothingMoves() {
        String owner = collector("jana", List.of("en"), LOANS, null);
        String other = collector("karl", List.of("en"), LOANS, null);
        String ticket = openTicket(debtor("en"));

        ResponseEntity<Map> refused = post(owner, Map.of("ticketNumbers", List.of(ticket), "newOwner", other));

        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(refused.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)).isTrue();
        assertThat((String) refused.getBody().get("detail")).contains("managers");
        assertThat(tickets.owner(ticket)).isEqualTo(owner);
    }

    @Test
    void badRequestsAreNamedAndMoveNothing() {
        String owner = collector("lena", List.of("en"), LOANS, null);
        String manager = user("milo", Groups.MANAGERS);
        String analyst = user("nora", Groups.ANALYSTS);
        String first = openTicket(debtor("en"));
        String closed = openTicket(debtor("en"));
        transaction.executeWithoutResult(status -> ticketService.close(ticketRows.findByTicketNumber(closed).orElseThrow(),
                CloseReason.PAID, "test"));

        assertRefused(post(manager, Map.of("ticketNumbers", List.of(first), "newOwner", analyst)), "newOwner",
                analyst + " is not a member of collectors");
        assertRefused(post(manager, Map.of("filter", Map.of("owner", owner), "newOwner", manager)), "newOwner",
                "is not a member of collectors");
        assertRefused(post(manager, Map.of("ticketNumbers", List.of(first, "T-NOPE"), "newOwner", owner)), "ticketNumbers[1]",
                "no ticket T-NOPE");
        assertRefused(post(manager, Map.of("ticketNumbers", List.of(first, closed), "newOwner", owner)), "ticketNumbers[1]",
                "is closed");
        assertRefused(post(manager, Map.of("filter", Map.of("segment", " "), "newOwner", owner)), "filter",
                "needs at least one of owner, segment or bucket");
        assertRefused(post(manager, Map.of("newOwner", owner)), "ticketNumbers", "give the tickets to move");
        assertRefused(post(manager, Map.of("ticketNumbers", List.of(first), "filter", Map.of("owner", owner), "newOwner", owner)),
                "filter", "not both");
        Map<String, Object> noOwner = new LinkedHashMap<>();
        noOwner.put("ticketNumbers", List.of(first));
        noOwner.put("newOwner", " ");
        assertRefused(post(manager, noOwner), "newOwner", "");

        assertThat(tickets.owner(first)).isEqualTo(owner);
        assertThat(timelineOwnerEvents(manager, first)).isEqualTo(1);
    }

    private void assertRefused(ResponseEntity<Map> response, String field, String detail) {
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(response.getBody()).containsEntry("field", field);
        assertThat((String) response.getBody().get("detail")).contains(detail).doesNotContain("Exception");
    }

    private CollectorProfile available(String userId) {
        CollectorProfile profile = profiles.findById(userId).orElseThrow();
        profile.update(profile.getLanguages(), profile.getProductTypes(), true, profile.getTeamLead(), MONDAY_MORNING);
        return profile;
    }

    private String assigneeOf(Task task) {
        return engine.getTaskService().createTaskQuery().taskId(task.getId()).singleResult().getAssignee();
    }

    private Map<?, ?> collectorRow(String manager, String userId) {
        List<Map<?, ?>> rows = asManager(manager).getForObject("/api/collectors", List.class);
        return rows.stream().filter(row -> userId.equals(row.get("userId"))).findFirst().orElseThrow();
    }

    @SuppressWarnings("unchecked")
    private long timelineOwnerEvents(String manager, String ticket) {
        Map<String, Object> detail = asManager(manager).getForObject("/api/tickets/" + ticket, Map.class);
        return ((List<Map<String, Object>>) detail.get("timeline")).stream().filter(e -> "OWNER".equals(e.get("type"))).count();
    }

    private TestRestTemplate asManager(String manager) {
        return rest.withBasicAuth(manager, TestUsers.PASSWORD);
    }

    private ResponseEntity<Map> post(String user, Map<String, Object> body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return rest.withBasicAuth(user, TestUsers.PASSWORD)
                .postForEntity("/api/tickets/reassignments", new HttpEntity<>(body, headers), Map.class);
    }
}
