package com.collectiondesk.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.collectiondesk.ledger.Contract;
import com.collectiondesk.ledger.Customer;
import com.collectiondesk.support.LedgerFixture;
import com.collectiondesk.support.TestUsers;
import com.collectiondesk.support.TicketDriver;
import com.collectiondesk.ticket.TicketProcess;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A task belongs to its assignee, through the engine REST API (HTTP Basic) and through Tasklist's own API (a
 * Tasklist session with its XSRF token) alike: another collector can neither complete, reassign nor write
 * variables of it; candidates claim only unassigned tasks; nobody writes variables outside the task's form;
 * the ticket's timeline names whoever really acted.
 */
@SecurityIntegrationTest
class TaskOwnershipTest {

    /** 06:00 UTC = 08:00 in Sofia on a Monday: the call step falls on the Friday at 09:00. */
    static final Instant MONDAY_MORNING = Instant.parse("2026-03-02T06:00:00Z");
    static final LocalDate TODAY = LocalDate.of(2026, 3, 2);
    static final String ENGINE_REST = "/engine-rest";
    static final String TASKLIST_API = "/camunda/api/engine/engine/" + SecurityIntegrationTest.ENGINE;
    static final ObjectMapper JSON = new ObjectMapper();

    /** The two ways a user reaches the engine. */
    enum Channel {
        ENGINE_REST_BASIC, TASKLIST_SESSION
    }

    /** A user on one channel: paths are relative to the engine API's root. */
    record Client(SecurityHttp http, String root) {

        HttpResponse<String> post(String path, String json) {
            return http.postJson(root + path, json);
        }

        HttpResponse<String> put(String path, String json) {
            return http.putJson(root + path, json);
        }

        HttpResponse<String> delete(String path) {
            return http.delete(root + path);
        }
    }

    /** A call task waiting on a ticket. */
    record Call(String ticketNumber, String taskId, String processInstanceId) {

        String path() {
            return "/task/" + taskId;
        }
    }

    @LocalServerPort int port;
    @Autowired ApplicationContext context;
    @Autowired ProcessEngine engine;
    @Autowired IdentityService identity;
    @Autowired TaskService taskService;
    @Autowired JdbcTemplate jdbc;

    TicketDriver tickets;
    LedgerFixture ledger;
    String alice;
    String bob;
    String mia;
    String ana;

    @BeforeEach
    void usersAndClock() {
        ClockUtil.setCurrentTime(Date.from(MONDAY_MORNING));
        tickets = TicketDriver.of(context);
        ledger = LedgerFixture.of(context);
        String run = UUID.randomUUID().toString().substring(0, 6);
        alice = user("alice-" + run, Groups.COLLECTORS);
        bob = user("bob-" + run, Groups.COLLECTORS);
        mia = user("mia-" + run, Groups.MANAGERS);
        ana = user("ana-" + run, Groups.ANALYSTS);
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @ParameterizedTest
    @EnumSource(Channel.class)
    void anotherCollectorCanNeitherCompleteNorReassignNorWriteVariablesOfACollectorsTask(Channel channel) {
        Call call = calls(alice).get(0);
        Client intruder = as(bob, channel);
        String reached = "{\"variables\":{\"outcome\":{\"value\":\"REACHED\",\"type\":\"String\"}}}";

        List<HttpResponse<String>> answers = List.of(
                intruder.post(call.path() + "/complete", reached),
                intruder.post(call.path() + "/submit-form", reached),
                intruder.post(call.path() + "/resolve", reached),
                intruder.post(call.path() + "/assignee", "{\"userId\":\"" + bob + "\"}"),
                intruder.post(call.path() + "/delegate", "{\"userId\":\"" + bob + "\"}"),
                intruder.post(call.path() + "/claim", "{\"userId\":\"" + bob + "\"}"),
                intruder.post(call.path() + "/unclaim", "{}"),
                intruder.put(call.path(), "{\"name\":\"Call debtor\",\"assignee\":\"" + bob + "\",\"priority\":70}"),
                intruder.post(call.path() + "/identity-links", "{\"userId\":\"" + bob + "\",\"type\":\"candidate\"}"),
                intruder.post(call.path() + "/variables", "{\"modifications\":{\"note\":{\"value\":\"moved\",\"type\":\"String\"}}}"),
                intruder.put(call.path() + "/localVariables/note", "{\"value\":\"moved\",\"type\":\"String\"}"),
                intruder.delete(call.path() + "/variables/debtorName"));

        assertThat(answers).hasSize(12).allSatisfy(answer -> {
            assertThat(answer.statusCode()).as(answer.request().method() + " " + answer.uri()).isEqualTo(403);
            assertThat(answer.body()).contains("Task ownership: " + bob + " may not do this");
        });
        assertThat(answers.get(0).body()).contains("is assigned to " + alice + ": only its assignee or a manager may complete it");
        Task after = taskService.createTaskQuery().taskId(call.taskId()).singleResult();
        assertThat(after).as("still open").isNotNull();
        assertThat(after.getAssignee()).isEqualTo(alice);
        assertThat(after.getOwner()).isNull();
        assertThat(taskService.getIdentityLinksForTask(call.taskId())).noneMatch(link -> bob.equals(link.getUserId()));
        assertThat(taskService.getVariables(call.taskId())).doesNotContainKeys("note", "outcome").containsKey("debtorName");
        assertThat(callsOnTimeline(call)).isEmpty();
    }

    @Test
    void theAssigneeAndAManagerWorkTheTaskAndTheTimelineNamesWhoActed() {
        List<Call> calls = calls(alice, alice);
        Call own = calls.get(0);
        Call colleagues = calls.get(1);

        // as Tasklist does, the form sends its read-only fields back with what it showed
        Object maxDpd = taskService.getVariable(own.taskId(), "maxDpd");
        HttpResponse<String> byAssignee = as(alice, Channel.ENGINE_REST_BASIC).post(own.path() + "/submit-form",
                "{\"variables\":{\"outcome\":{\"value\":\"REACHED\",\"type\":\"String\"},\"note\":{\"value\":\"will pay\",\"type\":\"String\"},"
                        + "\"debtorName\":{\"value\":\"Ivana Petrova\",\"type\":\"String\"},\"maxDpd\":{\"value\":" + maxDpd + ".0,\"type\":\"Double\"}}}");
        HttpResponse<String> byManager = as(mia, Channel.TASKLIST_SESSION).post(colleagues.path() + "/complete",
                "{\"variables\":{\"outcome\":{\"value\":\"NO_ANSWER\",\"type\":\"String\"}}}");

        assertThat(byAssignee.statusCode()).as(byAssignee.body()).isEqualTo(204);
        assertThat(byManager.statusCode()).as(byManager.body()).isEqualTo(204);
        assertThat(callsOnTimeline(own)).extracting(event -> event.get("author").asText()).containsExactly(alice);
        assertThat(callsOnTimeline(colleagues)).as("the manager who completed it, not the assignee")
                .extracting(event -> event.get("author").asText()).containsExactly(mia);
        assertThat(callsOnTimeline(colleagues)).extracting(event -> event.get("details").asText()).containsExactly("CALL NO_ANSWER");
    }

    @Test
    void candidatesClaimOnlyUnassignedTasksForThemselvesAndHandThemOnlyToCandidates() {
        Call call = calls((String) null).get(0);
        Client bobs = as(bob, Channel.TASKLIST_SESSION);

        HttpResponse<String> forAlice = bobs.post(call.path() + "/claim", "{\"userId\":\"" + alice + "\"}");
        HttpResponse<String> byAnalyst = as(ana, Channel.ENGINE_REST_BASIC).post(call.path() + "/claim", "{\"userId\":\"" + ana + "\"}");
        assertThat(assignee(call)).isNull();
        HttpResponse<String> forHimself = bobs.post(call.path() + "/claim", "{\"userId\":\"" + bob + "\"}");
        assertThat(assignee(call)).isEqualTo(bob);
        HttpResponse<String> aliceTooLate = as(alice, Channel.ENGINE_REST_BASIC).post(call.path() + "/claim", "{\"userId\":\"" + alice + "\"}");
        HttpResponse<String> toAnalyst = bobs.post(call.path() + "/assignee", "{\"userId\":\"" + ana + "\"}");
        assertThat(assignee(call)).isEqualTo(bob);
        HttpResponse<String> toAlice = bobs.post(call.path() + "/assignee", "{\"userId\":\"" + alice + "\"}");
        assertThat(assignee(call)).isEqualTo(alice);
        HttpResponse<String> unclaimed = as(alice, Channel.ENGINE_REST_BASIC).post(call.path() + "/unclaim", "{}");
        assertThat(assignee(call)).isNull();
        HttpResponse<String> byManager = as(mia, Channel.ENGINE_REST_BASIC).post(call.path() + "/assignee", "{\"userId\":\"" + bob + "\"}");

        assertThat(forAlice.statusCode()).isEqualTo(403);
        assertThat(forAlice.body()).contains("can be claimed only by you for yourself");
        assertThat(byAnalyst.statusCode()).isEqualTo(403);
        assertThat(byAnalyst.body()).contains("is not offered to you");
        assertThat(forHimself.statusCode()).isEqualTo(204);
        assertThat(aliceTooLate.statusCode()).isEqualTo(403);
        assertThat(aliceTooLate.body()).contains("is assigned to " + bob + ": only an unassigned task can be claimed");
        assertThat(toAnalyst.statusCode()).isEqualTo(403);
        assertThat(toAnalyst.body()).contains("can be handed only to one of its candidates; " + ana + " is not one");
        assertThat(toAlice.statusCode()).isEqualTo(204);
        assertThat(unclaimed.statusCode()).isEqualTo(204);
        assertThat(byManager.statusCode()).isEqualTo(204);
        assertThat(assignee(call)).isEqualTo(bob);
    }

    @Test
    void nobodyWritesVariablesOutsideTheFormAndTheTicketComesFromTheBusinessKey() {
        List<Call> calls = calls(alice, alice);
        Call own = calls.get(0);
        Call victim = calls.get(1);
        long victimId = jdbc.queryForObject("select id from ticket where ticket_number = ?", Long.class, victim.ticketNumber());
        Client assignee = as(alice, Channel.TASKLIST_SESSION);
        String ticketId = "\"ticketId\":{\"value\":" + victimId + ",\"type\":\"Long\"}";
        Object stepIndex = taskService.getVariable(own.taskId(), TicketProcess.STEP_INDEX);

        List<HttpResponse<String>> answers = List.of(
                assignee.post(own.path() + "/submit-form",
                        "{\"variables\":{\"outcome\":{\"value\":\"REFUSED\",\"type\":\"String\"}," + ticketId + "}}"),
                as(mia, Channel.ENGINE_REST_BASIC).post(own.path() + "/complete",
                        "{\"variables\":{\"outcome\":{\"value\":\"REFUSED\",\"type\":\"String\"},"
                                + "\"stepIndex\":{\"value\":99,\"type\":\"Integer\"}}}"),
                assignee.post(own.path() + "/variables", "{\"modifications\":{" + ticketId + "}}"),
                assignee.put(own.path() + "/localVariables/ticketId", "{\"value\":" + victimId + ",\"type\":\"Long\"}"),
                assignee.put(own.path() + "/variables/debtorName", "{\"value\":\"Someone Else\",\"type\":\"String\"}"));

        assertThat(answers).allSatisfy(answer -> assertThat(answer.statusCode()).as(answer.uri().toString()).isEqualTo(403));
        assertThat(answers.get(0).body()).contains("ticketId is not a field of the form of task 'Call debtor'")
                .contains("disputeAmount, disputeReason, note, outcome, promiseAmount, promiseDate");
        assertThat(answers.get(1).body()).as("managers too").contains("stepIndex is not a field of the form");
        assertThat(answers.get(4).body()).contains("debtorName is read-only in the form of task 'Call debtor'")
                .contains("may only be sent back unchanged");
        assertThat(taskService.createTaskQuery().taskId(own.taskId()).count()).isEqualTo(1);
        assertThat(taskService.getVariables(own.taskId())).doesNotContainKey("ticketId")
                .containsEntry(TicketProcess.STEP_INDEX, stepIndex);

        // managers may change process variables in Cockpit: a ticketId variable must not steer the delegates
        HttpResponse<String> planted = as(mia, Channel.ENGINE_REST_BASIC).put(
                "/process-instance/" + own.processInstanceId() + "/variables/ticketId", "{\"value\":" + victimId + ",\"type\":\"Long\"}");
        HttpResponse<String> completed = assignee.post(own.path() + "/submit-form",
                "{\"variables\":{\"outcome\":{\"value\":\"REFUSED\",\"type\":\"String\"}}}");

        assertThat(planted.statusCode()).isEqualTo(204);
        assertThat(completed.statusCode()).as(completed.body()).isEqualTo(204);
        assertThat(callsOnTimeline(own)).extracting(event -> event.get("author").asText()).containsExactly(alice);
        assertThat(callsOnTimeline(victim)).isEmpty();
    }

    /** Opens one ticket per assignee and runs each to its call; a null assignee leaves the call unclaimed. */
    private List<Call> calls(String... assignees) {
        List<String> numbers = new ArrayList<>();
        for (String ignored : assignees) {
            numbers.add(tickets.open(debtor().getId(), TODAY));
        }
        List<Call> calls = new ArrayList<>();
        for (int i = 0; i < assignees.length; i++) {
            Task task = tickets.runUntilTask(numbers.get(i), TicketProcess.CALL_DEBTOR, true);
            taskService.setAssignee(task.getId(), assignees[i]);
            calls.add(new Call(numbers.get(i), task.getId(), task.getProcessInstanceId()));
        }
        return calls;
    }

    /** A consumer loan 20 and 5 days overdue (300.00): a STANDARD ticket, whose call comes on day 5. */
    private Customer debtor() {
        Customer customer = ledger.customer(500);
        Contract loan = ledger.contract(customer, "CONSUMER_LOAN");
        ledger.invoice(customer, loan, "200.00", TODAY.minusDays(20));
        ledger.invoice(customer, loan, "100.00", TODAY.minusDays(5));
        return customer;
    }

    private String user(String userId, String group) {
        TestUsers.ensure(identity, userId, group);
        return userId;
    }

    private Client as(String user, Channel channel) {
        return switch (channel) {
            case ENGINE_REST_BASIC -> new Client(SecurityHttp.basic(port, user, TestUsers.PASSWORD), ENGINE_REST);
            case TASKLIST_SESSION -> new Client(SecurityHttp.webappLogin(port, SecurityIntegrationTest.ENGINE, "tasklist",
                    user, TestUsers.PASSWORD), TASKLIST_API);
        };
    }

    private String assignee(Call call) {
        return taskService.createTaskQuery().taskId(call.taskId()).singleResult().getAssignee();
    }

    /** The CALL contacts on the ticket's timeline, as the ticket API shows them to a manager. */
    private List<JsonNode> callsOnTimeline(Call call) {
        HttpResponse<String> detail = SecurityHttp.basic(port, mia, TestUsers.PASSWORD).get("/api/tickets/" + call.ticketNumber());
        assertThat(detail.statusCode()).isEqualTo(200);
        try {
            List<JsonNode> calls = new ArrayList<>();
            for (JsonNode event : JSON.readTree(detail.body()).path("timeline")) {
                if (event.path("type").asText().equals("CONTACT") && event.path("details").asText().startsWith("CALL ")) {
                    calls.add(event);
                }
            }
            return calls;
        } catch (java.io.IOException e) {
            throw new AssertionError("The ticket API answered no JSON: " + detail.body(), e);
        }
    }
}
