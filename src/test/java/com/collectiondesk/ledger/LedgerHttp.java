package com.collectiondesk.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import com.collectiondesk.security.Groups;
import com.collectiondesk.support.TestUsers;
import com.collectiondesk.system.BusinessClock;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/** HTTP helpers for the ledger scenarios: users, CSV uploads, JSON calls; every test works on its own ids. */
abstract class LedgerHttp {

    static final String ERP = "erp-ledger";
    static final String COLLECTOR = "collector-ledger";
    static final String MANAGER = "manager-ledger";
    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    @Autowired TestRestTemplate http;
    @Autowired IdentityService identity;
    @Autowired BusinessClock clock;

    /** A prefix that keeps each test's customers, invoices and payments apart from every other test's. */
    String p;

    @BeforeEach
    void usersAndPrefix() {
        TestUsers.ensure(identity, ERP, Groups.ERP_INTEGRATION);
        TestUsers.ensure(identity, COLLECTOR, Groups.COLLECTORS);
        TestUsers.ensure(identity, MANAGER, Groups.MANAGERS);
        p = "T" + System.nanoTime() % 1_000_000 + "-" + SEQUENCE.incrementAndGet() + "-";
    }

    TestRestTemplate as(String user) {
        return http.withBasicAuth(user, TestUsers.PASSWORD);
    }

    ResponseEntity<JsonNode> importCsv(String kind, String csv) {
        return importBytes(kind, csv.getBytes(StandardCharsets.UTF_8));
    }

    ResponseEntity<JsonNode> importBytes(String kind, byte[] body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.parseMediaType("text/csv"));
        return as(ERP).exchange("/api/imports/" + kind, HttpMethod.POST, new HttpEntity<>(body, headers), JsonNode.class);
    }

    ResponseEntity<JsonNode> importMultipart(String kind, String csv) {
        MultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
        parts.add("file", new ByteArrayResource(csv.getBytes(StandardCharsets.UTF_8)) {
            @Override
            public String getFilename() {
                return kind + ".csv";
            }
        });
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        return as(ERP).exchange("/api/imports/" + kind, HttpMethod.POST, new HttpEntity<>(parts, headers), JsonNode.class);
    }

    JsonNode imported(String kind, String csv) {
        ResponseEntity<JsonNode> response = importCsv(kind, csv);
        assertThat(response.getStatusCode().value()).as(String.valueOf(response.getBody())).isEqualTo(200);
        return response.getBody();
    }

    ResponseEntity<JsonNode> customer(String customerId) {
        return as(COLLECTOR).getForEntity("/api/customers/" + customerId, JsonNode.class);
    }

    JsonNode customerView(String customerId) {
        ResponseEntity<JsonNode> response = customer(customerId);
        assertThat(response.getStatusCode().value()).as(String.valueOf(response.getBody())).isEqualTo(200);
        return response.getBody();
    }

    ResponseEntity<JsonNode> putCustomer(String customerId, Map<String, Object> body) {
        return as(ERP).exchange("/api/customers/" + customerId, HttpMethod.PUT, new HttpEntity<>(body), JsonNode.class);
    }

    static List<String> rejections(JsonNode answer) {
        List<String> rows = new ArrayList<>();
        answer.get("rejected").forEach(r -> rows.add(r.get("row").asInt() + ":" + r.get("field").asText()));
        return rows;
    }

    LocalDate today() {
        return clock.today();
    }

    /** Two customers (Bulgaria and Germany) and one contract each, with ids under this test's prefix. */
    void twoCustomersWithContracts() {
        imported("customers", """
                customer_id,name,phone,email,language,country,time_zone,address,sms_opt_out,email_opt_out
                %1$sC1,Ivana Petrova,0888 123 456,ivana@example.com,bg,BG,,"Vitosha 1, Sofia",false,false
                %1$sC2,Jonas Weber,030 1234567,jonas@example.de,de,DE,,"Hauptstr. 2, Berlin",,
                """.formatted(p));
        imported("contracts", """
                contract_id,customer_id,product_type
                %1$sK1,%1$sC1,CONSUMER_LOAN
                %1$sK2,%1$sC2,UTILITY
                """.formatted(p));
    }
}
