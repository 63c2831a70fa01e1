package com.collectiondesk.ticket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import com.collectiondesk.ledger.Customer;
import com.collectiondesk.security.Groups;
import com.collectiondesk.support.TestUsers;
import com.collectiondesk.support.TicketProcessTestBase;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** Payments arriving in the ERP's CSV reach the tickets: a partial one updates, a settling one closes as PAID. */
class CsvPaymentTicketTest extends TicketProcessTestBase {

    @Autowired TestRestTemplate http;

    @Test
    void paymentsImportedByCsvUpdateAndThenCloseTheCustomersTicket() {
        TestUsers.ensure(engine.getIdentityService(), "erp-csv", Groups.ERP_INTEGRATION);
        Customer debtor = standardDebtor();
        ProcessInstance instance = openAndPlan(debtor);

        JsonNode partial = importPayments("""
                payment_id,customer_id,invoice_number,amount,currency,paid_on
                %1$s-P1,%1$s,,120.00,EUR,%2$s
                """.formatted(debtor.getCustomerId(), TODAY));
        runAsyncJobs(instance);
        assertThat(partial.get("accepted").asInt()).isEqualTo(1);
        assertThat(ticketOf(instance).getStatus()).isEqualTo(TicketStatus.OPEN);
        assertThat(ticketOf(instance).getOverdueAmount()).isEqualByComparingTo("180.00");

        importPayments("""
                payment_id,customer_id,invoice_number,amount,currency,paid_on
                %1$s-P2,%1$s,,180.00,EUR,%2$s
                """.formatted(debtor.getCustomerId(), TODAY));
        runAsyncJobs(instance);

        assertThat(instance).isEnded().hasPassed(TicketProcess.END_SETTLED);
        assertThat(ticketOf(instance).getStatus()).isEqualTo(TicketStatus.CLOSED);
        assertThat(ticketOf(instance).getCloseReason()).isEqualTo(CloseReason.PAID);
    }

    private JsonNode importPayments(String csv) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.parseMediaType("text/csv"));
        ResponseEntity<JsonNode> response = http.withBasicAuth("erp-csv", TestUsers.PASSWORD).exchange("/api/imports/payments",
                HttpMethod.POST, new HttpEntity<>(csv.getBytes(StandardCharsets.UTF_8), headers), JsonNode.class);
        assertThat(response.getStatusCode().value()).as(String.valueOf(response.getBody())).isEqualTo(200);
        assertThat(response.getBody().get("rejected")).isEmpty();
        return response.getBody();
    }
}
