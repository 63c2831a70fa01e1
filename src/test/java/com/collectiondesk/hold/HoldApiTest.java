package com.collectiondesk.hold;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import com.collectiondesk.outreach.ChannelTestBase;
import com.collectiondesk.security.Groups;
import com.collectiondesk.support.TestUsers;
import com.collectiondesk.ticket.TicketProcess;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/** The managers' hold API: refusals name the field and store nothing, only managers may hold; and the holds report. */
class HoldApiTest extends ChannelTestBase {

    private static final String MANAGER = "manager-holds";
    private static final String COLLECTOR = "collector-holds";
    private static final String ANALYST = "analyst-holds";

    @Autowired TestRestTemplate http;
    @Autowired IdentityService identity;
    @Autowired JdbcTemplate jdbc;

    @BeforeEach
    void users() {
        TestUsers.ensure(identity, MANAGER, Groups.MANAGERS);
        TestUsers.ensure(identity, COLLECTOR, Groups.COLLECTORS);
        TestUsers.ensure(identity, ANALYST, Groups.ANALYSTS);
    }

    @Test
    void aManagerHoldsATicketAndLiftsItOnceTheTicketShowsItsHolds() {
        ProcessInstance instance = openAndPlan(standardDebtor());
        String ticket = instance.getBusinessKey();

        ResponseEntity<JsonNode> placed = post(MANAGER, "/api/tickets/" + ticket + "/holds",
                body("HARDSHIP", "Lost his job", TODAY.plusDays(14).toString(), null));

        assertThat(placed.getStatusCode().value()).isEqualTo(201);
        assertThat(placed.getBody().get("reason").asText()).isEqualTo("HARDSHIP");
        assertThat(placed.getBody().get("interestFrozen").asBoolean()).isTrue();
        assertThat(placed.getBody().get("placedBy").asText()).isEqualTo(MANAGER);
        assertThat(instance).isWaitingAt(TicketProcess.HOLD_WAIT);
        JsonNode detail = as(MANAGER).getForEntity("/api/tickets/" + ticket, JsonNode.class).getBody();
        assertThat(detail.at("/holds/0/endsOn").asText()).isEqualTo(TODAY.plusDays(14).toString());

        String id = placed.getBody().get("id").asText();
        assertThat(post(MANAGER, "/api/holds/" + id + "/lift", Map.of()).getStatusCode().value()).isEqualTo(200);
        assertThat(instance).isWaitingAt(TicketProcess.WAIT_FOR_STEP);
        ResponseEntity<JsonNode> again = post(MANAGER, "/api/holds/" + id + "/lift", Map.of());
        assertThat(again.getStatusCode().value()).isEqualTo(409);
        assertThat(again.getBody().get("detail").asText()).contains("lifted on " + TODAY);
    }

    @Test
    void refusedHoldsNameTheFieldAndStoreNothing() {
        ProcessInstance instance = openAndPlan(standardDebtor());
        String path = "/api/tickets/" + instance.getBusinessKey() + "/holds";

        assertRefused(post(MANAGER, path, body(null, "no reason", null, null)), "reason", "is required");
        assertRefused(post(MANAGER, path, body("BROKE", null, null, null)), "reason", "BROKE");
        assertRefused(post(MANAGER, path, body("OTHER", null, TODAY.toString(), null)), "endsOn", "is not after today");
        assertRefused(post(MANAGER, path, body("OTHER", null, "2026-02-30", null)), "endsOn", "2026-02-30");
        assertRefused(post(MANAGER, path, body("OTHER", "x".repeat(2001), null, null)), "note", "at most 2000");
        assertRefused(post(MANAGER, path, body("COMPLAINT", null, null, "INV-NOT-HERE")), "invoiceNumber",
                "is not an overdue invoice of ticket " + instance.getBusinessKey());
        ResponseEntity<JsonNode> collector = post(COLLECTOR, path, body("OTHER", null, null, null));
        assertThat(collector.getStatusCode().value()).isEqualTo(403);
        assertThat(post(MANAGER, "/api/tickets/T-NONE/holds", body("OTHER", null, null, null)).getStatusCode().value())
                .isEqualTo(404);

        assertThat(jdbc.queryForObject("select count(*) from hold where ticket_fk = ?", Integer.class,
                ticketOf(instance).getId())).isZero();
        assertThat(instance).isWaitingAt(TicketProcess.WAIT_FOR_STEP);
    }

    @Test
    void theHoldsReportCountsOpenHoldsByReasonWithTheirAverageLength() {
        // a fixture in 2020, before every other test's holds (they start in 2026)
        hold("HARDSHIP", "2020-06-01", null, null);          // open, 29 days on 30 June
        hold("HARDSHIP", "2020-06-20", "2020-07-10", null);  // open, 10 days
        hold("HARDSHIP", "2020-05-01", "2020-05-31", null);  // ended after 30 days
        hold("HARDSHIP", "2020-04-01", "2020-06-01", "2020-04-11"); // lifted after 10 days
        hold("INSOLVENCY", "2020-06-29", null, null);        // open, 1 day
        hold("COMPLAINT", "2020-07-01", null, null);         // not started yet

        ResponseEntity<JsonNode> report = as(ANALYST).getForEntity("/api/reports/holds?asOf=2020-06-30", JsonNode.class);

        assertThat(report.getStatusCode().value()).isEqualTo(200);
        assertThat(report.getBody().get("rows").toString()).isEqualTo("["
                + "{\"reason\":\"HARDSHIP\",\"openHolds\":2,\"averageOpenDays\":19.5,\"endedHolds\":2,\"averageLengthDays\":20.0},"
                + "{\"reason\":\"INSOLVENCY\",\"openHolds\":1,\"averageOpenDays\":1.0,\"endedHolds\":0,\"averageLengthDays\":null}]");
        String csv = as(ANALYST).getForObject("/api/reports/holds?asOf=2020-06-30&format=csv", String.class);
        assertThat(csv).startsWith("reason,openHolds,averageOpenDays,endedHolds,averageLengthDays")
                .contains("HARDSHIP,2,19.5,2,20.0");
        assertThat(as(COLLECTOR).getForEntity("/api/reports/holds", JsonNode.class).getStatusCode().value()).isEqualTo(403);
        assertRefused(as(ANALYST).getForEntity("/api/reports/holds?asOf=30.06.2020", JsonNode.class), "asOf", "30.06.2020");
    }

    private void hold(String reason, String startsOn, String endsOn, String liftedOn) {
        jdbc.update("insert into hold (id, customer_fk, ticket_fk, reason, source, starts_on, ends_on, freezes_interest,"
                + " placed_at, lifted_on) values (nextval('hold_seq'), 0, 0, ?, 'MANAGER', ?, ?, false, current_timestamp, ?)",
                reason, java.sql.Date.valueOf(startsOn), endsOn == null ? null : java.sql.Date.valueOf(endsOn),
                liftedOn == null ? null : java.sql.Date.valueOf(liftedOn));
    }

    private static Map<String, Object> body(String reason, String note, String endsOn, String invoiceNumber) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("reason", reason);
        body.put("note", note);
        body.put("endsOn", endsOn);
        body.put("invoiceNumber", invoiceNumber);
        return body;
    }

    private static void assertRefused(ResponseEntity<JsonNode> answer, String field, String detail) {
        assertThat(answer.getStatusCode().value()).as(String.valueOf(answer.getBody())).isEqualTo(400);
        assertThat(answer.getHeaders().getContentType().toString()).startsWith("application/problem+json");
        assertThat(answer.getBody().get("field").asText()).isEqualTo(field);
        assertThat(answer.getBody().get("detail").asText()).contains(detail).doesNotContain("Exception");
    }

    private TestRestTemplate as(String user) {
        return http.withBasicAuth(user, TestUsers.PASSWORD);
    }

    private ResponseEntity<JsonNode> post(String user, String path, Object body) {
        return as(user).exchange(path, HttpMethod.POST, new HttpEntity<>(body), JsonNode.class);
    }
}
