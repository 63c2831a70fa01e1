package com.collectiondesk.outreach;

import static org.assertj.core.api.Assertions.assertThat;

import com.collectiondesk.ledger.Customer;
import com.collectiondesk.security.Groups;
import com.collectiondesk.support.TestUsers;
import com.collectiondesk.support.ledger.Debtors;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * The authorization limits of a user limited to one legal entity ("ana", a manager and collector in {@code entity-ro})
 * beside an unlimited manager ("max"): the debtor search, every report, the holds, a collector's queue and the
 * engine's task by id, task and process history and per-instance history queries show ana nothing of the default
 * entity's debtor, and refuse what names it; max sees both.
 */
class EntityLimitsTest extends EntityChannelTestBase {

    @Autowired TestRestTemplate http;
    @Autowired IdentityService identity;
    @Autowired ObjectMapper json;
    private Debtors debtors;
    private final String surname = "Zamfirescu" + Long.toString(System.nanoTime(), 36).replaceAll("[0-9]", "");

    @Autowired
    void debtorBuilder(ApplicationContext context) {
        debtors = Debtors.of(context);
    }

    @BeforeEach
    void users() {
        if (identity.createGroupQuery().groupId("entity-ro").count() == 0) {
            identity.saveGroup(identity.newGroup("entity-ro"));
        }
        TestUsers.ensure(identity, "ana", Groups.COLLECTORS, Groups.MANAGERS, "entity-ro");
        TestUsers.ensure(identity, "max", Groups.COLLECTORS, Groups.MANAGERS);
        TestUsers.ensure(identity, "cleo", Groups.COLLECTORS);
    }

    @Test
    void theDebtorSearchFindsOnlyTheUsersEntitiesDebtors() throws Exception {
        Customer german = debtorOf("DEFAULT", "+4915123456790");
        Customer romanian = debtorOf("RO", "+40721234570");

        assertThat(hits("ana", surname)).containsExactly(romanian.getCustomerId());
        assertThat(hits("max", surname)).containsExactlyInAnyOrder(german.getCustomerId(), romanian.getCustomerId());
        JsonNode byId = json.readTree(get("ana", "/api/customers?q=" + german.getCustomerId()).getBody());
        assertThat(byId.get("totalElements").asLong()).as("another entity's debtor by its id: not found").isZero();
        assertThat(hits("max", german.getCustomerId())).containsExactly(german.getCustomerId());

        ResponseEntity<String> change = put("ana", "/api/customers/" + german.getCustomerId(), "{\"name\":\"Changed\"}");
        assertThat(change.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(change.getBody()).contains("No customer '" + german.getCustomerId() + "'");
        assertThat(customers.findByCustomerId(german.getCustomerId())).get().extracting(Customer::getName)
                .as("nothing changed").isEqualTo("Jürgen " + surname);
    }

    @Test
    void everyReportCoversOnlyTheUsersEntitiesAndRefusesAnother() throws Exception {
        Customer german = withOverdueInvoice(debtorOf("DEFAULT", "+4915123456791"));
        Customer romanian = withOverdueInvoice(debtorOf("RO", "+40721234571"));
        String germanTicket = ticketOf(openAndPlan(german)).getTicketNumber();
        String romanianTicket = ticketOf(openAndPlan(romanian)).getTicketNumber();
        assertThat(post("max", "/api/tickets/" + germanTicket + "/promises",
                "{\"amount\":11.11,\"date\":\"" + TODAY.plusDays(9) + "\"}").getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(post("max", "/api/tickets/" + romanianTicket + "/promises",
                "{\"amount\":22.22,\"date\":\"" + TODAY.plusDays(8) + "\"}").getStatusCode()).isEqualTo(HttpStatus.CREATED);

        JsonNode anasForecast = rows("ana", "/api/reports/cash-forecast");
        assertThat(column(anasForecast, "date")).contains(TODAY.plusDays(8).toString()).doesNotContain(TODAY.plusDays(9).toString());
        assertThat(column(rows("max", "/api/reports/cash-forecast"), "date"))
                .contains(TODAY.plusDays(8).toString(), TODAY.plusDays(9).toString());

        for (String report : List.of("kpis", "activities", "cash-forecast", "variants", "holds", "tickets", "aging")) {
            String path = "/api/reports/" + report;
            ResponseEntity<String> refused = get("ana", path + "?legalEntity=DEFAULT");
            assertThat(refused.getStatusCode()).as(report).isEqualTo(HttpStatus.FORBIDDEN);
            assertThat(refused.getBody()).as(report).contains("legalEntity", "legal entities RO only");
            assertThat(rows("ana", path)).as(report + ": ana's report is max's of RO")
                    .isEqualTo(rows("max", path + "?legalEntity=RO"));
        }
        assertThat(rows("max", "/api/reports/kpis")).as("max's KPIs count the default entity's ticket too")
                .isNotEqualTo(rows("max", "/api/reports/kpis?legalEntity=RO"));
        JsonNode anasActivities = rows("ana", "/api/reports/activities");
        assertThat(anasActivities).as("task figures know no entity: left out").allSatisfy(row ->
                assertThat(row.get("tasksOpen").isNull()).isTrue());
    }

    @Test
    void holdsAndQueuesOfAnotherEntityAreUnknown() throws Exception {
        Customer german = withOverdueInvoice(debtorOf("DEFAULT", "+4915123456792"));
        Customer romanian = withOverdueInvoice(debtorOf("RO", "+40721234572"));
        String germanTicket = ticketOf(openAndPlan(german)).getTicketNumber();
        String romanianTicket = ticketOf(openAndPlan(romanian)).getTicketNumber();
        long germanHold = json.readTree(post("max", "/api/tickets/" + germanTicket + "/holds",
                "{\"reason\":\"HARDSHIP\"}").getBody()).get("id").asLong();
        long romanianHold = json.readTree(post("max", "/api/tickets/" + romanianTicket + "/holds",
                "{\"reason\":\"COMPLAINT\"}").getBody()).get("id").asLong();

        assertThat(ids(get("ana", "/api/holds"))).contains(romanianHold).doesNotContain(germanHold);
        assertThat(ids(get("max", "/api/holds"))).contains(romanianHold, germanHold);
        ResponseEntity<String> lift = post("ana", "/api/holds/" + germanHold + "/lift", null);
        assertThat(lift.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(lift.getBody()).contains("No hold " + germanHold);
        assertThat(ids(get("max", "/api/holds"))).as("still open").contains(germanHold);

        for (String ticket : List.of(germanTicket, romanianTicket)) {
            assertThat(put("max", "/api/tickets/" + ticket + "/owner", "{\"owner\":\"cleo\"}").getStatusCode()).isEqualTo(HttpStatus.OK);
        }
        ResponseEntity<String> reassign = put("ana", "/api/tickets/" + germanTicket + "/owner", "{\"owner\":\"ana\"}");
        assertThat(reassign.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(reassign.getBody()).contains("No ticket " + germanTicket);
        JsonNode anasView = json.readTree(get("ana", "/api/collectors/cleo/queue").getBody()).get("tickets");
        assertThat(anasView).extracting(t -> t.get("ticketNumber").asText()).contains(romanianTicket).doesNotContain(germanTicket);
        JsonNode maxsView = json.readTree(get("max", "/api/collectors/cleo/queue").getBody()).get("tickets");
        assertThat(maxsView).extracting(t -> t.get("ticketNumber").asText()).contains(romanianTicket, germanTicket);
    }

    @Test
    void aTaskByIdAndTheHistoryOfAnotherEntityAreRefused() throws Exception {
        ProcessInstance germanInstance = openAndPlan(withOverdueInvoice(debtorOf("DEFAULT", "+4915123456793")));
        ProcessInstance romanianInstance = openAndPlan(withOverdueInvoice(debtorOf("RO", "+40721234573")));
        String germanTask = callTask(germanInstance);
        String romanianTask = callTask(romanianInstance);
        String engineRest = "/engine-rest/engine/" + engine.getName();

        for (String part : List.of("/variables", "/form-variables", "/identity-links", "/form")) {
            ResponseEntity<String> refused = get("ana", engineRest + "/task/" + germanTask + part);
            assertThat(refused.getStatusCode()).as(part).isEqualTo(HttpStatus.FORBIDDEN);
            assertThat(refused.getBody()).as(part).contains("legal entities RO only: task " + germanTask);
            assertThat(get("ana", engineRest + "/task/" + romanianTask + part).getStatusCode()).as(part).isEqualTo(HttpStatus.OK);
            assertThat(get("max", engineRest + "/task/" + germanTask + part).getStatusCode()).as(part).isEqualTo(HttpStatus.OK);
        }
        // the comments' endpoint looks the task up in its (limited) history first: as unknown as a missing task
        assertThat(get("ana", engineRest + "/task/" + germanTask + "/comment").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(get("max", engineRest + "/task/" + germanTask + "/comment").getStatusCode()).isEqualTo(HttpStatus.OK);
        ResponseEntity<String> complete = post("ana", engineRest + "/task/" + germanTask + "/complete", "{}");
        assertThat(complete.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(engine.getTaskService().createTaskQuery().taskId(germanTask).count()).as("not completed").isEqualTo(1);

        String both = germanInstance.getId() + "," + romanianInstance.getId();
        assertThat(ids(get("ana", engineRest + "/history/process-instance?firstResult=0&maxResults=50&processInstanceIds=" + both), "id"))
                .containsExactly(romanianInstance.getId());
        assertThat(ids(get("max", engineRest + "/history/process-instance?firstResult=0&maxResults=50&processInstanceIds=" + both), "id"))
                .containsExactlyInAnyOrder(germanInstance.getId(), romanianInstance.getId());
        assertThat(ids(get("ana", engineRest + "/history/task?firstResult=0&maxResults=50&processInstanceId=" + germanInstance.getId()), "id")).isEmpty();
        assertThat(ids(get("ana", engineRest + "/process-instance?firstResult=0&maxResults=50&processInstanceIds=" + both), "id"))
                .containsExactly(romanianInstance.getId());

        ResponseEntity<String> variables = get("ana", engineRest + "/history/variable-instance?firstResult=0&maxResults=50&processInstanceIdIn=" + both);
        assertThat(variables.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(variables.getBody()).contains("process instance " + germanInstance.getId() + " is not one of their tickets");
        ResponseEntity<String> unscoped = get("ana", engineRest + "/history/activity-instance?firstResult=0&maxResults=50");
        assertThat(unscoped.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(unscoped.getBody()).contains("name the process instances");
        assertThat(get("ana", engineRest + "/history/variable-instance?firstResult=0&maxResults=50&processInstanceIdIn=" + romanianInstance.getId())
                .getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(get("max", engineRest + "/history/variable-instance?firstResult=0&maxResults=50&processInstanceIdIn=" + both).getStatusCode())
                .isEqualTo(HttpStatus.OK);
    }

    /** Runs the STANDARD plan's SMS (day 0) and up to its call (day 5): the open call task's id. */
    private String callTask(ProcessInstance instance) {
        runNextStep(instance);
        runNextStep(instance);
        return engine.getTaskService().createTaskQuery().processInstanceId(instance.getId()).singleResult().getId();
    }

    private Customer debtorOf(String entity, String phone) {
        return debtors.debtor().riskScore(500).name(("RO".equals(entity) ? "Maria " : "Jürgen ") + surname)
                .language("RO".equals(entity) ? "ro" : "de").country("RO".equals(entity) ? "RO" : "DE")
                .timeZone("RO".equals(entity) ? "Europe/Bucharest" : "Europe/Berlin").phone(phone)
                .email(phone.substring(1) + "@example.com").legalEntity(entity).book();
    }

    private Customer withOverdueInvoice(Customer debtor) {
        ledger.invoice(debtor, ledger.contract(debtor, "CONSUMER_LOAN"), "300.00", TODAY.minusDays(20));
        return debtor;
    }

    private List<String> hits(String user, String q) throws Exception {
        ResponseEntity<String> answer = get(user, "/api/customers?q=" + q);
        assertThat(answer.getStatusCode()).as(answer.getBody()).isEqualTo(HttpStatus.OK);
        List<String> ids = new ArrayList<>();
        json.readTree(answer.getBody()).get("content").forEach(hit -> ids.add(hit.get("customerId").asText()));
        return ids;
    }

    private JsonNode rows(String user, String path) throws Exception {
        ResponseEntity<String> answer = get(user, path);
        assertThat(answer.getStatusCode()).as(path + " " + answer.getBody()).isEqualTo(HttpStatus.OK);
        return json.readTree(answer.getBody()).get("rows");
    }

    private static List<String> column(JsonNode rows, String name) {
        List<String> values = new ArrayList<>();
        rows.forEach(row -> values.add(row.get(name).asText()));
        return values;
    }

    private List<Long> ids(ResponseEntity<String> answer) throws Exception {
        return ids(answer, "id").stream().map(Long::valueOf).toList();
    }

    private List<String> ids(ResponseEntity<String> answer, String field) throws Exception {
        assertThat(answer.getStatusCode()).as(answer.getBody()).isEqualTo(HttpStatus.OK);
        List<String> ids = new ArrayList<>();
        json.readTree(answer.getBody()).forEach(item -> ids.add(item.get(field).asText()));
        return ids;
    }

    private ResponseEntity<String> get(String user, String path) {
        return http.withBasicAuth(user, TestUsers.PASSWORD).getForEntity(path, String.class);
    }

    private ResponseEntity<String> post(String user, String path, String body) {
        return http.withBasicAuth(user, TestUsers.PASSWORD).postForEntity(path, jsonBody(body), String.class);
    }

    private ResponseEntity<String> put(String user, String path, String body) {
        return http.withBasicAuth(user, TestUsers.PASSWORD).exchange(path, HttpMethod.PUT, jsonBody(body), String.class);
    }

    private static HttpEntity<String> jsonBody(String body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return new HttpEntity<>(body, headers);
    }
}
