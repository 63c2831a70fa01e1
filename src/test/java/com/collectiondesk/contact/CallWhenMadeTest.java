package com.collectiondesk.contact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import com.collectiondesk.ledger.Customer;
import com.collectiondesk.security.Groups;
import com.collectiondesk.support.LogCapture;
import com.collectiondesk.support.TestUsers;
import com.collectiondesk.ticket.TicketOpener;
import com.collectiondesk.ticket.TicketProcess;
import com.collectiondesk.worklist.TasklistFilters;
import com.collectiondesk.worklist.WorklistTestBase;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.stream.StreamSupport;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * A call is checked when it is made: at the call form's completion, at a call-back and at
 * {@code POST /api/tickets/{n}/calls}, on the engine clock, with the rule and the next callable moment in the
 * debtor's time; and the form and task card say whether the debtor is callable now.
 */
class CallWhenMadeTest extends WorklistTestBase {

    private static final List<String> LOANS = List.of("CONSUMER_LOAN");
    private static final ZoneId LISBON = ZoneId.of("Europe/Lisbon");

    @Autowired TestRestTemplate rest;
    @Autowired CallWindows windows;
    @Autowired FilterService filters;

    @Test
    void aCallTaskCompletedAtNightIsRefusedWithTheRuleAndTheNextCallableTimeAndStaysOpen() {
        String collector = collector("nina", List.of("en"), LOANS, null);
        Customer lisbon = ledger.change(debtor("en"), debtor -> debtor.timeZone("Europe/Lisbon"));
        String ticket = openTicket(lisbon);
        Task call = tickets.runUntilTask(ticket, TicketProcess.CALL_DEBTOR, true);
        assertThat(engine.getTaskService().getVariable(call.getId(), TicketProcess.CALL_WINDOW)).isEqualTo("Callable now");
        // the task appeared on Saturday 7 March in hours; the collector opens it at 22:30 in Lisbon
        setClock(LocalDateTime.of(2026, 3, 7, 22, 30), LISBON);
        String refusal = "outcome: The debtor may not be called now (rule 'contact hours'); next callable at 08:00 on Sun 08 Mar"
                + " (debtor's time, Europe/Lisbon). Nothing was recorded.";

        assertThatThrownBy(() -> tickets.complete(call, Map.of("outcome", "REACHED")))
                .isInstanceOf(ProcessEngineException.class).hasMessageStartingWith(refusal);

        try (LogCapture log = new LogCapture("org.camunda.bpm.engine.context", "org.camunda.bpm.engine.rest.exception")) {
            ResponseEntity<Map> tasklist = rest.withBasicAuth(collector, TestUsers.PASSWORD).postForEntity(
                    "/engine-rest/engine/" + engine.getName() + "/task/" + call.getId() + "/submit-form",
                    Map.of("variables", Map.of("outcome", Map.of("value", "NO_ANSWER", "type", "String"))), Map.class);
            assertThat(tasklist.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
            assertThat((String) tasklist.getBody().get("message")).contains(refusal).doesNotContain("ENGINE-03051", "TaskListener");
            assertThat(log.events).as("the refusal is logged, but not as a warning or error").isNotEmpty()
                    .noneMatch(event -> event.getLevel().isGreaterOrEqual(Level.WARN));
        }
        assertThat(tickets.openTask(ticket, TicketProcess.CALL_DEBTOR)).isPresent();
        assertThat(calls(ticket, collector)).isEmpty();

        // once refreshed, the form says so before the collector tries
        windows.refreshAll();
        assertThat(engine.getTaskService().getVariable(call.getId(), TicketProcess.CALLABLE_NOW)).isEqualTo(false);
        assertThat(engine.getTaskService().getVariable(call.getId(), TicketProcess.CALL_WINDOW))
                .isEqualTo("Next callable at 08:00 on Sun 08 Mar (debtor's time, Europe/Lisbon): contact hours");

        setClock(LocalDateTime.of(2026, 3, 8, 8, 0), LISBON);
        tickets.complete(call, Map.of("outcome", "REACHED", "note", "Will pay Friday"));
        assertThat(tickets.openTask(ticket, TicketProcess.CALL_DEBTOR)).isEmpty();
        assertThat(calls(ticket, collector)).singleElement().satisfies(made -> {
            assertThat(made.get("outcome").asText()).isEqualTo("REACHED");
            assertThat(made.get("at").asText()).isEqualTo("2026-03-08T08:00:00Z");
            assertThat(made.get("author").asText()).isEqualTo(collector);
        });
    }

    @Test
    void aCallBackIsACallSoTheCallTaskIsRefusedForSevenDaysAfterTheConversation() {
        String collector = collector("omar", List.of("en"), LOANS, null);
        String ticket = openTicket(debtor("en"));
        Task call = tickets.runUntilTask(ticket, TicketProcess.CALL_DEBTOR, true);
        setClock(LocalDateTime.of(2026, 3, 7, 10, 0), SOFIA);
        Task reply = replyArrives(ticket, "Please call me back");

        assertThatThrownBy(() -> engine.getTaskService().complete(reply.getId(), Map.of("replyAction", "CALLED_BACK")))
                .isInstanceOf(ProcessEngineException.class).hasMessageStartingWith("outcome: a call-back needs its outcome");
        engine.getTaskService().claim(reply.getId(), collector);
        engine.getTaskService().complete(reply.getId(), Map.of("replyAction", "CALLED_BACK", "outcome", "REACHED",
                "note", "Agreed to pay next week"));
        assertThat(calls(ticket, collector)).singleElement()
                .satisfies(callBack -> assertThat(callBack.get("outcome").asText()).isEqualTo("REACHED"));
        // the open call task now says when it may be made: the card and the form read these variables
        assertThat(engine.getTaskService().getVariable(call.getId(), TicketProcess.CALL_WINDOW)).isEqualTo(
                "Next callable at 10:00 on Sat 14 Mar (debtor's time, Europe/Sofia): no calls within 7 days of a conversation");
        assertThat((String) engine.getTaskService().getVariable(call.getId(), TicketProcess.LAST_CONTACTS))
                .startsWith("2026-03-07 10:00 Europe/Sofia  CALL  REACHED  by " + collector);

        setClock(LocalDateTime.of(2026, 3, 7, 10, 5), SOFIA);
        assertThatThrownBy(() -> tickets.complete(call, Map.of("outcome", "NO_ANSWER")))
                .isInstanceOf(ProcessEngineException.class)
                .hasMessageStartingWith("outcome: The debtor may not be called now (rule 'no calls within 7 days of a conversation');"
                        + " next callable at 10:00 on Sat 14 Mar (debtor's time, Europe/Sofia)");
        ResponseEntity<JsonNode> api = rest.withBasicAuth(collector, TestUsers.PASSWORD)
                .postForEntity("/api/tickets/" + ticket + "/calls", Map.of(), JsonNode.class);
        assertThat(api.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(api.getBody().get("rule").asText()).isEqualTo("no calls within 7 days of a conversation");
        assertThat(calls(ticket, collector)).hasSize(1);
    }

    @Test
    void postCallsIsAllowedInHoursAndRefusedOutsideWithTheRuleAndTheNextCallableLocalTime() {
        String collector = collector("pia", List.of("en"), LOANS, null);
        String analyst = user("arno", Groups.ANALYSTS);
        String ticket = openTicket(debtor("en"));
        TestRestTemplate asCollector = rest.withBasicAuth(collector, TestUsers.PASSWORD);
        setClock(LocalDateTime.of(2026, 3, 2, 10, 0), SOFIA);

        ResponseEntity<JsonNode> started = asCollector.postForEntity("/api/tickets/" + ticket + "/calls", null, JsonNode.class);
        assertThat(started.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(started.getBody().get("outcome").asText()).isEqualTo("STARTED");
        assertThat(started.getBody().get("at").asText()).isEqualTo("2026-03-02T08:00:00Z");

        setClock(LocalDateTime.of(2026, 3, 2, 21, 30), SOFIA);
        ResponseEntity<JsonNode> night = asCollector.postForEntity("/api/tickets/" + ticket + "/calls",
                Map.of("outcome", "NO_ANSWER"), JsonNode.class);
        assertThat(night.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(night.getHeaders().getContentType().toString()).startsWith("application/problem+json");
        assertThat(night.getBody().get("rule").asText()).isEqualTo("contact hours");
        assertThat(night.getBody().get("nextCallableAt").asText()).isEqualTo("2026-03-03T06:00:00Z");
        assertThat(night.getBody().get("nextCallableLocal").asText()).isEqualTo("2026-03-03T08:00");
        assertThat(night.getBody().get("debtorZone").asText()).isEqualTo("Europe/Sofia");
        assertThat(night.getBody().get("detail").asText()).contains("next callable at 08:00 on Tue 03 Mar (debtor's time, Europe/Sofia)");

        ResponseEntity<JsonNode> promise = asCollector.postForEntity("/api/tickets/" + ticket + "/calls",
                Map.of("outcome", "PROMISE"), JsonNode.class);
        assertThat(promise.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(promise.getBody().get("field").asText()).isEqualTo("outcome");
        assertThat(rest.withBasicAuth(analyst, TestUsers.PASSWORD).postForEntity("/api/tickets/" + ticket + "/calls", null,
                JsonNode.class).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(asCollector.postForEntity("/api/tickets/T-NONE/calls", null, JsonNode.class).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(calls(ticket, collector)).singleElement()
                .satisfies(call -> assertThat(call.get("outcome").asText()).isEqualTo("STARTED"));
    }

    @Test
    void aCallStartedInHoursTakesItsOutcomeFromTheCallFormCompletedAfterHours() {
        String collector = collector("quin", List.of("en"), LOANS, null);
        String ticket = openTicket(debtor("en"));
        Task call = tickets.runUntilTask(ticket, TicketProcess.CALL_DEBTOR, true);
        setClock(LocalDateTime.of(2026, 3, 7, 20, 55), SOFIA);
        var started = rest.withBasicAuth(collector, TestUsers.PASSWORD).postForEntity("/api/tickets/" + ticket + "/calls", null,
                JsonNode.class);
        assertThat(started.getStatusCode()).as(String.valueOf(started.getBody())).isEqualTo(HttpStatus.CREATED);

        setClock(LocalDateTime.of(2026, 3, 7, 21, 10), SOFIA);
        tickets.complete(call, Map.of("outcome", "REACHED"));

        assertThat(calls(ticket, collector)).singleElement().satisfies(made -> {
            assertThat(made.get("outcome").asText()).isEqualTo("REACHED");
            assertThat(made.get("at").asText()).isEqualTo(LocalDateTime.of(2026, 3, 7, 20, 55).atZone(SOFIA).toInstant().toString());
        });
    }

    @Test
    @SuppressWarnings("unchecked")
    void theCardAndTheFormSayWhetherTheDebtorIsCallableNowAndCallsDueTodayLeavesOutTheOthers() {
        String collector = collector("rhea", List.of("en"), LOANS, null);
        String ticket = openTicket(debtor("en"));
        Task call = tickets.runUntilTask(ticket, TicketProcess.CALL_DEBTOR, true);
        setClock(LocalDateTime.of(2026, 3, 7, 18, 0), SOFIA);
        TestRestTemplate asCollector = rest.withBasicAuth(collector, TestUsers.PASSWORD);
        assertThat(card(asCollector, TasklistFilters.CALLS_DUE_TODAY, call.getId())).contains("callWindow=Callable now");

        setClock(LocalDateTime.of(2026, 3, 7, 21, 30), SOFIA);
        assertThat(windows.refreshAll()).isPositive();
        assertThat(windows.refreshAll()).as("nothing changed since").isZero();

        String window = "Next callable at 08:00 on Sun 08 Mar (debtor's time, Europe/Sofia): contact hours";
        assertThat(card(asCollector, TasklistFilters.CALLS_DUE_TODAY, call.getId())).as("left out of Calls due today").isNull();
        assertThat(card(asCollector, TasklistFilters.MY_TASKS, call.getId())).contains("callWindow=" + window);
        // what Tasklist reads when the call form opens
        JsonNode form = asCollector.getForObject("/engine-rest/engine/" + engine.getName() + "/task/" + call.getId()
                + "/form-variables", JsonNode.class);
        assertThat(form.at("/callWindow/value").asText()).isEqualTo(window);
        assertThat(form.at("/callableNow/value").asBoolean(true)).isFalse();

        setClock(LocalDateTime.of(2026, 3, 8, 8, 0), SOFIA);
        windows.refreshAll();
        assertThat(card(asCollector, TasklistFilters.CALLS_DUE_TODAY, call.getId())).contains("callWindow=Callable now");
    }

    @Test
    void twoCollectorsCannotBothTakeTheLastCallTheCapAllows() throws Exception {
        String collector = collector("sami", List.of("en"), LOANS, null);
        String colleague = collector("tara", List.of("en"), LOANS, null);
        String ticket = openTicket(debtor("en"));
        setClock(LocalDateTime.of(2026, 3, 2, 10, 0), SOFIA);
        for (int call = 0; call < 6; call++) {
            assertThat(rest.withBasicAuth(collector, TestUsers.PASSWORD).postForEntity("/api/tickets/" + ticket + "/calls",
                    Map.of("outcome", "NO_ANSWER"), JsonNode.class).getStatusCode()).isEqualTo(HttpStatus.CREATED);
        }

        CountDownLatch start = new CountDownLatch(1);
        List<CompletableFuture<ResponseEntity<JsonNode>>> racing = new ArrayList<>();
        Date now = ClockUtil.getCurrentTime();
        for (String who : List.of(collector, colleague)) {
            racing.add(CompletableFuture.supplyAsync(() -> {
                ClockUtil.setCurrentTime(now);
                try {
                    start.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return rest.withBasicAuth(who, TestUsers.PASSWORD).postForEntity("/api/tickets/" + ticket + "/calls",
                        Map.of("outcome", "NO_ANSWER"), JsonNode.class);
            }));
        }
        start.countDown();
        List<ResponseEntity<JsonNode>> answers = racing.stream().map(CompletableFuture::join).toList();

        assertThat(answers).extracting(ResponseEntity::getStatusCode)
                .containsExactlyInAnyOrder(HttpStatus.CREATED, HttpStatus.CONFLICT);
        assertThat(answers).filteredOn(answer -> answer.getStatusCode() == HttpStatus.CONFLICT).singleElement()
                .satisfies(refused -> assertThat(refused.getBody().get("rule").asText()).isEqualTo("at most 7 calls in 7 days"));
        assertThat(calls(ticket, collector)).hasSize(7);
    }

    @Test
    void aCallStartedOnOneTicketHoldsTheDebtorsOtherTicketUntilItsOutcomeSaysWhetherTheyTalked() {
        String collector = collector("uma", List.of("en"), LOANS, null);
        String colleague = collector("vic", List.of("en"), LOANS, null);
        Customer debtor = debtor("en");
        String euro = openTicket(debtor);
        String lev = secondTicketInLev(debtor);
        Task call = tickets.runUntilTask(euro, TicketProcess.CALL_DEBTOR, true);
        setClock(LocalDateTime.of(2026, 3, 9, 10, 0), SOFIA);
        assertThat(startCall(collector, euro, null).getStatusCode()).isEqualTo(HttpStatus.CREATED);

        // the first collector is still on the phone: had they talked, this call would break the 7-day pause
        setClock(LocalDateTime.of(2026, 3, 9, 10, 5), SOFIA);
        ResponseEntity<JsonNode> whileInProgress = startCall(colleague, lev, "NO_ANSWER");
        assertThat(whileInProgress.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(whileInProgress.getBody().get("rule").asText()).isEqualTo("no calls within 7 days of a conversation");
        assertThat(whileInProgress.getBody().get("nextCallableLocal").asText()).isEqualTo("2026-03-09T11:00");
        assertThat(calls(lev, colleague)).isEmpty();

        // they did talk: the pause runs from the started call
        setClock(LocalDateTime.of(2026, 3, 9, 10, 12), SOFIA);
        tickets.complete(call, Map.of("outcome", "REACHED"));
        ResponseEntity<JsonNode> afterTalk = startCall(colleague, lev, "NO_ANSWER");
        assertThat(afterTalk.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(afterTalk.getBody().get("nextCallableLocal").asText()).isEqualTo("2026-03-16T10:00");
        assertThat(calls(lev, colleague)).isEmpty();
        assertThat(calls(euro, collector)).singleElement()
                .satisfies(made -> assertThat(made.get("outcome").asText()).isEqualTo("REACHED"));
    }

    @Test
    void aStartedCallWithoutAnOutcomeHoldsOtherCallsForAnHourAndCountsAgainstTheCap() {
        String collector = collector("wes", List.of("en"), LOANS, null);
        String colleague = collector("xia", List.of("en"), LOANS, null);
        Customer debtor = debtor("en");
        String euro = openTicket(debtor);
        String lev = secondTicketInLev(debtor);
        setClock(LocalDateTime.of(2026, 3, 2, 10, 0), SOFIA);
        assertThat(startCall(collector, euro, null).getStatusCode()).isEqualTo(HttpStatus.CREATED);

        setClock(LocalDateTime.of(2026, 3, 2, 10, 59, 59), SOFIA);
        assertThat(startCall(colleague, lev, "NO_ANSWER").getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        setClock(LocalDateTime.of(2026, 3, 2, 11, 0), SOFIA);
        assertThat(startCall(colleague, lev, "NO_ANSWER").getStatusCode()).isEqualTo(HttpStatus.CREATED);
        for (int call = 0; call < 5; call++) {
            assertThat(startCall(colleague, lev, "NO_ANSWER").getStatusCode()).isEqualTo(HttpStatus.CREATED);
        }
        // the call that never got its outcome is the seventh of the debtor's 7 in 7 days
        ResponseEntity<JsonNode> eighth = startCall(colleague, lev, "NO_ANSWER");
        assertThat(eighth.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(eighth.getBody().get("rule").asText()).isEqualTo("at most 7 calls in 7 days");
        assertThat(calls(euro, collector)).singleElement()
                .satisfies(started -> assertThat(started.get("outcome").asText()).isEqualTo("STARTED"));
    }

    private ResponseEntity<JsonNode> startCall(String collector, String ticket, String outcome) {
        return rest.withBasicAuth(collector, TestUsers.PASSWORD).postForEntity("/api/tickets/" + ticket + "/calls",
                outcome == null ? null : Map.of("outcome", outcome), JsonNode.class);
    }

    /** The debtor's second ticket, for their debt in lev. */
    private String secondTicketInLev(Customer debtor) {
        ledger.invoice(debtor, ledger.contract(debtor, "UTILITY"), "150.00", TODAY.minusDays(15), "BGN");
        String lev = context.getBean(TicketOpener.class).open(debtor.getId(), "BGN", TODAY).getTicketNumber();
        tickets.runAsyncJobs(lev);
        return lev;
    }

    private Task replyArrives(String ticket, String text) {
        engine.getRuntimeService().startProcessInstanceByKey("debtor-reply", ticket, Map.of("replyText", text));
        return engine.getTaskService().createTaskQuery().processInstanceBusinessKey(ticket)
                .taskDefinitionKey(TicketProcess.ANSWER_REPLY).singleResult();
    }

    /** The ticket's calls as the ticket API shows them. */
    private List<JsonNode> calls(String ticket, String user) {
        JsonNode detail = rest.withBasicAuth(user, TestUsers.PASSWORD).getForObject("/api/tickets/" + ticket, JsonNode.class);
        return StreamSupport.stream(detail.get("contacts").spliterator(), false)
                .filter(contact -> "CALL".equals(contact.get("channel").asText())).toList();
    }

    /** The task's card in a filter, as "name=value" variables, or null when the filter does not list it. */
    private List<String> card(TestRestTemplate as, String filterName, String taskId) {
        String filterId = filters.createFilterQuery().filterName(filterName).singleResult().getId();
        org.springframework.http.HttpHeaders headers = new org.springframework.http.HttpHeaders();
        headers.setAccept(List.of(org.springframework.http.MediaType.parseMediaType("application/hal+json")));
        headers.setContentType(org.springframework.http.MediaType.APPLICATION_JSON);
        JsonNode page = as.exchange("/engine-rest/engine/" + engine.getName() + "/filter/" + filterId + "/list?firstResult=0&maxResults=200",
                org.springframework.http.HttpMethod.POST, new org.springframework.http.HttpEntity<>(Map.of(), headers), JsonNode.class).getBody();
        for (JsonNode task : page.at("/_embedded/task")) {
            if (taskId.equals(task.get("id").asText())) {
                return StreamSupport.stream(task.at("/_embedded/variable").spliterator(), false)
                        .map(variable -> variable.get("name").asText() + "=" + variable.get("value").asText()).toList();
            }
        }
        return null;
    }

    private static void setClock(LocalDateTime local, ZoneId zone) {
        ClockUtil.setCurrentTime(Date.from(local.atZone(zone).toInstant()));
    }
}
