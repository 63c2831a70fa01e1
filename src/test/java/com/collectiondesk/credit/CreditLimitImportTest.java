package com.collectiondesk.credit;

import static org.assertj.core.api.Assertions.assertThat;

import com.collectiondesk.erp.ErpWireMockTestBase;
import com.collectiondesk.ledger.CustomerRepository;
import com.collectiondesk.security.Groups;
import com.collectiondesk.support.TestUsers;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/** Where the current limit comes from: the ERP's {@code credit_limit}, in the customer import and its REST twin. */
class CreditLimitImportTest extends ErpWireMockTestBase {

    @Autowired TestRestTemplate http;
    @Autowired IdentityService identity;
    @Autowired CustomerRepository customers;
    @Autowired JdbcTemplate jdbc;

    @AfterEach
    void forget() {
        new CreditFixture(ledger, jdbc).forget();
    }

    @Test
    void theImportTakesALimitAndRefusesHostileOnesByRowAndField() {
        String p = "C-CL-" + UUID.randomUUID().toString().substring(0, 8) + "-";
        List<String> rows = new ArrayList<>(List.of("customer_id,name,language,country,address,credit_limit"));
        List<String> limits = List.of("25000.50", "0", "-5", "1e30", "lots", "12.345", "9999999999999", "");
        for (int i = 0; i < limits.size(); i++) {
            rows.add(p + i + ",Firma " + i + ",bg,BG,Sofia," + limits.get(i));
        }

        JsonNode answer = importCustomers(String.join("\n", rows)).getBody();

        assertThat(answer.get("accepted").asInt()).as("25000.50, 0 and the empty cell").isEqualTo(3);
        assertThat(answer.get("rejected")).extracting(r -> r.get("row").asInt() + " " + r.get("field").asText() + ": "
                + r.get("message").asText()).containsExactly(
                "4 credit_limit: '-5' is not an amount like 1234.50",
                "5 credit_limit: '1e30' is not an amount like 1234.50",
                "6 credit_limit: 'lots' is not an amount like 1234.50",
                "7 credit_limit: must have at most 2 decimals",
                "8 credit_limit: must be at most 999999999.99");
        assertThat(limitOf(p + 0)).isEqualByComparingTo("25000.50");
        assertThat(limitOf(p + 1)).isEqualByComparingTo("0");
        assertThat(limitOf(p + 7)).as("empty: the ERP says nothing").isNull();
        assertThat(customers.findByCustomerId(p + 2)).as("a rejected row stores nothing").isEmpty();
    }

    @Test
    void theCustomerApiTakesALimitAndRefusesANegativeOneNamingTheField() {
        TestUsers.ensure(identity, "erp-credit", Groups.ERP_INTEGRATION);
        String id = "C-CL-" + UUID.randomUUID().toString().substring(0, 8);
        Map<String, Object> customer = Map.of("name", "Firma", "language", "bg", "country", "BG", "address", "Sofia",
                "creditLimit", "7000.00");
        assertThat(put(id, customer).getStatusCode().value()).as("created").isEqualTo(201);
        assertThat(limitOf(id)).isEqualByComparingTo("7000.00");

        Map<String, Object> hostile = new java.util.HashMap<>(customer);
        hostile.put("creditLimit", "-7000");
        ResponseEntity<JsonNode> refused = put(id, hostile);

        assertThat(refused.getStatusCode().value()).isEqualTo(400);
        assertThat(refused.getHeaders().getContentType().toString()).startsWith("application/problem+json");
        assertThat(refused.getBody().get("field").asText()).isEqualTo("creditLimit");
        assertThat(refused.getBody().toString()).doesNotContain("Exception");
        assertThat(limitOf(id)).as("unchanged").isEqualByComparingTo("7000.00");
    }

    private ResponseEntity<JsonNode> importCustomers(String csv) {
        TestUsers.ensure(identity, "erp-credit", Groups.ERP_INTEGRATION);
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.valueOf("text/csv"));
        return http.withBasicAuth("erp-credit", TestUsers.PASSWORD).exchange("/api/imports/customers", HttpMethod.POST,
                new HttpEntity<>(csv, headers), JsonNode.class);
    }

    private ResponseEntity<JsonNode> put(String id, Map<String, Object> body) {
        return http.withBasicAuth("erp-credit", TestUsers.PASSWORD).exchange("/api/customers/" + id, HttpMethod.PUT,
                new HttpEntity<>(body), JsonNode.class);
    }

    private java.math.BigDecimal limitOf(String customerId) {
        return customers.findByCustomerId(customerId).orElseThrow().getCreditLimit();
    }
}
