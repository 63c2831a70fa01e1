package com.collectiondesk.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.collectiondesk.support.IntegrationTest;
import com.collectiondesk.support.TestUsers;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;

/** What Swagger UI shows: a titled, versioned API, one description per operation, and Basic for "Authorize". */
@IntegrationTest
class OpenApiDocumentTest {

    @Autowired TestRestTemplate rest;

    @Test
    void theSpecHasTitleVersionBasicSchemeAndASummaryForEveryOperation() {
        JsonNode spec = rest.withBasicAuth(TestUsers.ADMIN, TestUsers.ADMIN_PASSWORD).getForObject("/v3/api-docs", JsonNode.class);

        assertThat(spec.at("/info/title").asText()).isEqualTo("Collection Desk API");
        assertThat(spec.at("/info/version").asText()).isNotBlank();
        assertThat(spec.at("/info/description").asText()).contains("HTTP Basic");
        assertThat(spec.at("/components/securitySchemes/basic/type").asText()).isEqualTo("http");
        assertThat(spec.at("/components/securitySchemes/basic/scheme").asText()).isEqualTo("basic");
        assertThat(spec.at("/security/0").has("basic")).isTrue();
        List<String> withoutSummary = new ArrayList<>();
        int operations = 0;
        for (var path : (Iterable<java.util.Map.Entry<String, JsonNode>>) spec.get("paths")::fields) {
            for (var operation : (Iterable<java.util.Map.Entry<String, JsonNode>>) path.getValue()::fields) {
                operations++;
                if (operation.getValue().path("summary").asText().isBlank()) {
                    withoutSummary.add(operation.getKey().toUpperCase() + " " + path.getKey());
                }
            }
        }
        assertThat(operations).isGreaterThan(20);
        assertThat(withoutSummary).as("operations without a summary").isEmpty();
    }
}
