package com.collectiondesk.ticket;

import static org.assertj.core.api.Assertions.assertThat;

import com.collectiondesk.ledger.Customer;
import com.collectiondesk.security.Groups;
import com.collectiondesk.support.TestUsers;
import com.collectiondesk.support.TicketProcessTestBase;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

class TicketApiTest extends TicketProcessTestBase {

    @Autowired TestRestTemplate http;

    @BeforeEach
    void users() {
        TestUsers.ensure(engine.getIdentityService(), "colin", Groups.COLLECTORS);
        TestUsers.ensure(engine.getIdentityService(), "ana", Groups.ANALYSTS);
    }

    @Test
    void theDetailExplainsTheTicketWithStepsContactsAndDecisions() {
        ProcessInstance instance = openAndPlan(standardDebtor());
        runNextStep(instance);
        String number = instance.getBusinessKey();

        JsonNode detail = as("ana").getForObject("/api/tickets/" + number, JsonNode.class);

        assertThat(detail.at("/ticket/segment").asText()).isEqualTo("STANDARD");
        assertThat(detail.at("/ticket/nextStep").asText()).startsWith("CALL day 5");
        assertThat(detail.at("/ticket/nextStepDueAt").asText()).isEqualTo(sofiaNineOn(TODAY.plusDays(5)).toString());
        assertThat(detail.at("/steps/0/doneAt").isNull()).isFalse();
        assertThat(detail.at("/steps/1/doneAt").isNull()).isTrue();
        assertThat(detail.at("/contacts/0/channel").asText()).isEqualTo("SMS");
        assertThat(detail.at("/contacts/0/text").asText()).contains("€300.00");
        assertThat(detail.at("/decisions/0/details").asText())
                .contains("ticket-segment", "maxDpd=20", "overdueAmount=300.0", "segment STANDARD")
                .containsPattern("riskScore=500\\b");
        assertThat(detail.at("/decisions/1/details").asText()).contains("collection-strategy", "SMS day 0", "CALL day 5");
    }

    @Test
    void theListFiltersAndSortsByPriority() {
        Customer hard = ledger.customer(900);
        ledger.invoice(hard, ledger.contract(hard, "CREDIT_CARD"), "700.00", TODAY.minusDays(10));
        ProcessInstance hardTicket = openAndPlan(hard);
        ProcessInstance standardTicket = openAndPlan(standardDebtor());

        ResponseEntity<JsonNode> hardPage = as("colin").getForEntity("/api/tickets?segment=HARD&productType=CREDIT_CARD&size=200", JsonNode.class);
        assertThat(hardPage.getStatusCode()).as(String.valueOf(hardPage.getBody())).isEqualTo(HttpStatus.OK);
        JsonNode hardOnes = hardPage.getBody();
        assertThat(hardOnes.get("content")).extracting(t -> t.get("ticketNumber").asText()).contains(hardTicket.getBusinessKey())
                .doesNotContain(standardTicket.getBusinessKey());
        JsonNode all = as("colin").getForObject("/api/tickets?status=OPEN&size=200", JsonNode.class);
        assertThat(all.get("content")).extracting(t -> t.get("priority").asInt()).isSorted();
        ResponseEntity<JsonNode> tooSmall = as("colin").getForEntity("/api/tickets?size=0", JsonNode.class);
        assertThat(tooSmall.getStatusCode()).as(String.valueOf(tooSmall.getBody())).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(tooSmall.getBody().get("field").asText())
                .isEqualTo("size");
    }

    @Test
    void aPromiseThroughTheApiIsAcceptedOnceAndThenConflicts() {
        ProcessInstance instance = openAndPlan(standardDebtor());
        String url = "/api/tickets/" + instance.getBusinessKey() + "/promises";

        ResponseEntity<JsonNode> first = as("colin").postForEntity(url,
                Map.of("amount", "300.00", "date", TODAY.plusDays(4).toString()), JsonNode.class);
        ResponseEntity<JsonNode> second = as("colin").postForEntity(url,
                Map.of("amount", "100.00", "date", TODAY.plusDays(4).toString()), JsonNode.class);

        assertThat(first.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(first.getBody().get("author").asText()).isEqualTo("colin");
        assertThat(second.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(second.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(second.getBody().get("detail").asText()).contains(instance.getBusinessKey(), "PROMISED");
        assertThat(promises.findByTicketIdOrderByIdAsc(ticketOf(instance).getId())).hasSize(1);
    }

    @Test
    void badPromisesAndDisputesNameTheFieldAndUnknownTicketsAre404() {
        ProcessInstance instance = openAndPlan(standardDebtor());
        String base = "/api/tickets/" + instance.getBusinessKey();

        ResponseEntity<JsonNode> noAmount = as("colin").postForEntity(base + "/promises", Map.of("date", TODAY.toString()), JsonNode.class);
        ResponseEntity<JsonNode> past = as("colin").postForEntity(base + "/promises",
                Map.of("amount", "10", "date", TODAY.minusDays(1).toString()), JsonNode.class);
        ResponseEntity<JsonNode> noReason = as("colin").postForEntity(base + "/disputes", Map.of("amount", "10"), JsonNode.class);
        ResponseEntity<JsonNode> unknown = as("colin").postForEntity("/api/tickets/T-1999-000001/disputes",
                Map.of("reason", "x"), JsonNode.class);

        assertThat(noAmount.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(noAmount.getBody().get("field").asText()).isEqualTo("amount");
        assertThat(past.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(past.getBody().get("field").asText()).isEqualTo("date");
        assertThat(noReason.getBody().get("field").asText()).isEqualTo("reason");
        assertThat(unknown.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(ticketOf(instance).getStatus()).isEqualTo(TicketStatus.OPEN);
    }

    @Test
    void analystsMayReadButNotPromiseOrScan() {
        ProcessInstance instance = openAndPlan(standardDebtor());

        assertThat(as("ana").postForEntity("/api/tickets/" + instance.getBusinessKey() + "/promises",
                Map.of("amount", "10", "date", TODAY.toString()), JsonNode.class).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(as("ana").postForEntity("/api/scans", null, JsonNode.class).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(as("ana").getForEntity("/api/tickets/" + instance.getBusinessKey(), JsonNode.class).getStatusCode())
                .isEqualTo(HttpStatus.OK);
    }

    private TestRestTemplate as(String user) {
        return http.withBasicAuth(user, TestUsers.PASSWORD);
    }
}
