package com.collectiondesk.debtor;

import static org.assertj.core.api.Assertions.assertThat;

import com.collectiondesk.ledger.Customer;
import com.collectiondesk.security.Groups;
import com.collectiondesk.support.TestUsers;
import com.collectiondesk.support.TicketProcessTestBase;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** GET /api/customers/{id}/overview: everything about one debtor that the Tasklist tab and the Cockpit view show. */
class DebtorOverviewTest extends TicketProcessTestBase {

    @Autowired TestRestTemplate http;

    @BeforeEach
    void users() {
        TestUsers.ensure(engine.getIdentityService(), "colin", Groups.COLLECTORS);
        TestUsers.ensure(engine.getIdentityService(), "erin", Groups.ERP_INTEGRATION);
    }

    @Test
    void theOverviewShowsAccountTicketsContactsPromisesAndDecisions() {
        Customer debtor = standardDebtor();
        ProcessInstance instance = openAndPlan(debtor);
        runNextStep(instance);
        String ticket = instance.getBusinessKey();
        assertThat(as("colin").postForEntity("/api/tickets/" + ticket + "/promises",
                Map.of("amount", "100.00", "date", TODAY.plusDays(4).toString()), JsonNode.class).getStatusCode())
                .isEqualTo(HttpStatus.CREATED);
        ledger.pay(debtor, "50.00", TODAY);

        ResponseEntity<JsonNode> answer = as("colin").getForEntity("/api/customers/" + debtor.getCustomerId() + "/overview", JsonNode.class);

        assertThat(answer.getStatusCode()).as(String.valueOf(answer.getBody())).isEqualTo(HttpStatus.OK);
        JsonNode overview = answer.getBody();
        assertThat(overview.at("/customer/name").asText()).isEqualTo(debtor.getName());
        assertThat(overview.at("/customer/phone").asText()).isEqualTo(debtor.getPhone());
        assertThat(overview.at("/customer/timeZone").asText()).isEqualTo("Europe/Sofia");
        assertThat(overview.at("/customer/smsOptOut").isBoolean()).isTrue();
        assertThat(overview.at("/customer/invoices")).hasSize(2);
        // the plan's first step moved the business day on: DPD is counted to the overview's day
        LocalDate asOf = LocalDate.parse(overview.at("/customer/asOf").asText());
        assertThat(overview.at("/customer/invoices/0/dueDate").asText()).isEqualTo(TODAY.minusDays(20).toString());
        assertThat(overview.at("/customer/invoices/0/daysPastDue").asLong())
                .isEqualTo(ChronoUnit.DAYS.between(TODAY.minusDays(20), asOf)).isGreaterThanOrEqualTo(20);
        assertThat(overview.at("/customer/invoices/0/openAmount").decimalValue()).isEqualByComparingTo("150.00");
        assertThat(overview.at("/customer/payments/0/allocations/0/amount").decimalValue()).isEqualByComparingTo("50.00");
        assertThat(overview.at("/tickets")).hasSize(1);
        assertThat(overview.at("/tickets/0/ticket/ticketNumber").asText()).isEqualTo(ticket);
        assertThat(overview.at("/tickets/0/ticket/segment").asText()).isEqualTo("STANDARD");
        assertThat(overview.at("/tickets/0/ticket/nextStep").isMissingNode()).isFalse();
        assertThat(overview.at("/tickets/0/contacts/0/channel").asText()).isEqualTo("SMS");
        assertThat(overview.at("/tickets/0/contacts/0/text").asText()).contains("€300.00");
        assertThat(overview.at("/tickets/0/contacts/0").has("deliveryStatus")).isTrue();
        assertThat(overview.at("/tickets/0/promises/0/status").asText()).isEqualTo("PENDING");
        assertThat(overview.at("/tickets/0/promises/0/author").asText()).isEqualTo("colin");
        assertThat(overview.at("/tickets/0/disputes")).isEmpty();
        assertThat(overview.at("/tickets/0/decisions/0/details").asText()).contains("ticket-segment", "segment STANDARD");
    }

    @Test
    void anUnknownDebtorIsNotFoundAndTheErpMayNotRead() {
        ResponseEntity<JsonNode> missing = as("colin").getForEntity("/api/customers/NO-SUCH-DEBTOR/overview", JsonNode.class);
        assertThat(missing.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(missing.getBody().get("detail").asText()).isEqualTo("No customer 'NO-SUCH-DEBTOR'");

        Customer debtor = standardDebtor();
        ResponseEntity<JsonNode> refused = http.withBasicAuth("erin", TestUsers.PASSWORD)
                .getForEntity("/api/customers/" + debtor.getCustomerId() + "/overview", JsonNode.class);
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(String.valueOf(refused.getBody())).doesNotContain(debtor.getName());
    }

    private TestRestTemplate as(String user) {
        return http.withBasicAuth(user, TestUsers.PASSWORD);
    }
}
