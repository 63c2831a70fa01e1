package com.collectiondesk.worklist;

import static org.assertj.core.api.Assertions.assertThat;

import com.collectiondesk.security.Groups;
import com.collectiondesk.support.TestUsers;
import com.collectiondesk.ticket.TicketProcess;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

class AssignmentTest extends WorklistTestBase {

    private static final List<String> LOANS = List.of("CONSUMER_LOAN");

    @Autowired TestRestTemplate rest;

    @Test
    void theBulgarianSpeakingCollectorGetsTheBulgarianDebtorsTicketAndItsCall() {
        String english = collector("anna", List.of("en"), LOANS, null);
        String bulgarian = collector("boris", List.of("bg", "ro"), LOANS, null);

        String ticket = openTicket(debtor("bg"));

        assertThat(tickets.owner(ticket)).isEqualTo(bulgarian).isNotEqualTo(english);
        Task call = tickets.runUntilTask(ticket, TicketProcess.CALL_DEBTOR, true);
        assertThat(call.getAssignee()).isEqualTo(bulgarian);
        assertThat(timeline(ticket)).anySatisfy(line -> assertThat(line).startsWith("OWNER").contains(bulgarian));
    }

    @Test
    void ticketsSpreadEvenlyOverEquallySkilledCollectorsAndSkipTheUnavailable() {
        String first = collector("cara", List.of("en"), LOANS, null);
        String second = collector("dino", List.of("en"), LOANS, null);
        String away = collector("ella", List.of("en"), LOANS, null);
        makeUnavailable(away);

        List<String> owners = IntStream.range(0, 6).mapToObj(i -> tickets.owner(openTicket(debtor("en")))).toList();

        Map<String, Long> perOwner = owners.stream().collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
        assertThat(perOwner).containsOnly(Map.entry(first, 3L), Map.entry(second, 3L));
        // ties go to the lower user id, so the two alternate
        assertThat(owners).containsExactly(first, second, first, second, first, second);
    }

    @Test
    void whenTheOwnerIsAwayTheCallStaysWithTheCollectorsGroup() {
        String owner = collector("fred", List.of("en"), LOANS, null);
        String ticket = openTicket(debtor("en"));
        assertThat(tickets.owner(ticket)).isEqualTo(owner);

        makeUnavailable(owner);
        Task call = tickets.runUntilTask(ticket, TicketProcess.CALL_DEBTOR, true);

        assertThat(call.getAssignee()).isNull();
        assertThat(engine.getTaskService().getIdentityLinksForTask(call.getId()))
                .anySatisfy(link -> assertThat(link.getGroupId()).isEqualTo(Groups.COLLECTORS));
    }

    @Test
    void aManagerReassignsTheTicketAndItsOpenCallMoves() {
        String owner = collector("gina", List.of("en"), LOANS, null);
        String successor = collector("hugo", List.of("de"), List.of("LEASING"), null);
        String manager = user("ines", Groups.MANAGERS);
        String ticket = openTicket(debtor("en"));
        Task call = tickets.runUntilTask(ticket, TicketProcess.CALL_DEBTOR, true);
        assertThat(call.getAssignee()).isEqualTo(owner);

        ResponseEntity<Map> response = putOwner(manager, ticket, Map.of("owner", successor));

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(response.getBody()).containsEntry("owner", successor).containsEntry("tasksMoved", 1);
        assertThat(engine.getTaskService().createTaskQuery().taskId(call.getId()).singleResult().getAssignee()).isEqualTo(successor);
        assertThat(tickets.owner(ticket)).isEqualTo(successor);
        assertThat(timeline(ticket)).anySatisfy(line -> assertThat(line)
                .contains("Owner " + owner + " -> " + successor).contains("reassigned by " + manager));
    }

    @Test
    void reassignmentIsForManagersAndNamesABadOwner() {
        String owner = collector("jack", List.of("en"), LOANS, null);
        String manager = user("kate", Groups.MANAGERS);
        String ticket = openTicket(debtor("en"));

        assertThat(putOwner(owner, ticket, Map.of("owner", owner)).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);

        ResponseEntity<Map> notACollector = putOwner(manager, ticket, Map.of("owner", manager));
        assertThat(notACollector.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(notACollector.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(notACollector.getBody()).containsEntry("field", "owner");

        ResponseEntity<Map> blank = putOwner(manager, ticket, Map.of("owner", " "));
        assertThat(blank.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(blank.getBody()).containsEntry("field", "owner");
        assertThat(tickets.owner(ticket)).isEqualTo(owner);

        assertThat(putOwner(manager, "T-NOPE", Map.of("owner", owner)).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void managersKeepCollectorProfilesThroughTheApiAndBadFieldsAreNamed() {
        String collector = user("lars", Groups.COLLECTORS);
        String manager = user("mona", Groups.MANAGERS);
        String url = "/api/collectors/" + collector;
        TestRestTemplate asManager = rest.withBasicAuth(manager, TestUsers.PASSWORD);

        ResponseEntity<Map> saved = asManager.exchange(url, HttpMethod.PUT, json(Map.of("languages", List.of("bg", "EN"),
                "productTypes", List.of("leasing"), "available", true, "teamLead", manager)), Map.class);
        assertThat(saved.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(asManager.getForObject(url, Map.class))
                .containsEntry("languages", List.of("bg", "en"))
                .containsEntry("productTypes", List.of("LEASING"))
                .containsEntry("available", true)
                .containsEntry("teamLead", manager);

        ResponseEntity<Map> noLanguages = asManager.exchange(url, HttpMethod.PUT,
                json(Map.of("languages", List.of(), "productTypes", List.of("LEASING"), "available", true)), Map.class);
        assertThat(noLanguages.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(noLanguages.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(noLanguages.getBody()).containsEntry("field", "languages");

        ResponseEntity<Map> badLead = asManager.exchange(url, HttpMethod.PUT, json(Map.of("languages", List.of("bg"),
                "productTypes", List.of("LEASING"), "available", true, "teamLead", collector)), Map.class);
        assertThat(badLead.getBody()).containsEntry("field", "teamLead");

        assertThat(rest.withBasicAuth(collector, TestUsers.PASSWORD).getForEntity(url, Map.class).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
    }

    private ResponseEntity<Map> putOwner(String user, String ticket, Map<String, Object> body) {
        return rest.withBasicAuth(user, TestUsers.PASSWORD)
                .exchange("/api/tickets/" + ticket + "/owner", HttpMethod.PUT, json(body), Map.class);
    }

    private static HttpEntity<Map<String, Object>> json(Map<String, Object> body) {
        org.springframework.http.HttpHeaders headers = new org.springframework.http.HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return new HttpEntity<>(body, headers);
    }

    @SuppressWarnings("unchecked")
    private List<String> timeline(String ticket) {
        Map<String, Object> detail = rest.withBasicAuth(TestUsers.ADMIN, TestUsers.ADMIN_PASSWORD)
                .getForObject("/api/tickets/" + ticket, Map.class);
        return ((List<Map<String, Object>>) detail.get("timeline")).stream()
                .map(event -> event.get("type") + " " + event.get("details")).toList();
    }
}
