package com.collectiondesk.errors;

import static org.assertj.core.api.Assertions.assertThat;

import com.collectiondesk.support.IntegrationTest;
import com.collectiondesk.support.TestUsers;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/** A query parameter that is no known value or no date: the answer names it and says what is allowed. */
@IntegrationTest
class ParameterMessagesTest {

    @Autowired TestRestTemplate rest;
    @Autowired JdbcTemplate jdbc;

    @Test
    void anUnknownTicketStatusListsTheStatuses() {
        JsonNode problem = refused(HttpMethod.GET, "/api/tickets?status=FOO");
        assertThat(problem.get("detail").asText())
                .isEqualTo("status must be one of OPEN, PROMISED, DISPUTED, ESCALATED, CLOSED, not 'FOO'");
        assertThat(problem.get("field").asText()).isEqualTo("status");
    }

    @Test
    void anUnknownSendStatusListsTheStatuses() {
        JsonNode problem = refused(HttpMethod.GET, "/api/outreach/sends?status=LOST");
        assertThat(problem.get("detail").asText()).isEqualTo("status must be one of SENDING, FAILED, ACCEPTED, not 'LOST'");
    }

    @Test
    void aScanForYesterdayInWordsShowsADateAndStartsNothing() {
        Integer scans = jdbc.queryForObject("select count(*) from scan_run", Integer.class);

        JsonNode problem = refused(HttpMethod.POST, "/api/scans?asOf=yesterday");

        assertThat(problem.get("detail").asText()).isEqualTo("asOf must be a date like 2026-12-01, not 'yesterday'");
        assertThat(problem.get("parameter").asText()).isEqualTo("asOf");
        assertThat(jdbc.queryForObject("select count(*) from scan_run", Integer.class)).isEqualTo(scans);
    }

    private JsonNode refused(HttpMethod method, String url) {
        ResponseEntity<JsonNode> answer = rest.withBasicAuth(TestUsers.ADMIN, TestUsers.ADMIN_PASSWORD)
                .exchange(url, method, null, JsonNode.class);
        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(answer.getHeaders().getContentType().toString()).startsWith("application/problem+json");
        assertThat(answer.getBody().get("detail").asText()).doesNotContain("com.collectiondesk", "No enum constant");
        return answer.getBody();
    }
}
