package com.collectiondesk.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.collectiondesk.security.HostileQueryCorpus.HostileQuery;
import com.collectiondesk.support.TestUsers;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Every request of {@link HostileQueryCorpus}, sent byte for byte: refused as listed, and nothing evaluated. */
@SecurityIntegrationTest
class HostileQueryTest {

    @LocalServerPort
    int port;

    @Autowired
    IdentityService identityService;
    @Autowired
    ExpressionProbe probe;

    static List<HostileQuery> corpus() {
        return HostileQueryCorpus.cases();
    }

    @BeforeEach
    void users() {
        TestUsers.ensure(identityService, "hostile-collector", Groups.COLLECTORS);
        TestUsers.ensure(identityService, "hostile-manager", Groups.MANAGERS);
    }

    @Test
    void theCorpusCoversAtLeastThirtyWaysIn() {
        assertThat(corpus()).hasSizeGreaterThanOrEqualTo(30);
        assertThat(corpus().stream().map(HostileQuery::name).distinct()).hasSameSizeAs(corpus());
    }

    @ParameterizedTest(name = "{index}: {0}")
    @MethodSource("corpus")
    void isRefusedBeforeTheEngineEvaluatesAnything(HostileQuery hostile) throws Exception {
        Map<String, String> headers = new LinkedHashMap<>(caller(hostile.caller()).credentialHeaders());
        headers.putAll(hostile.headers());
        int before = probe.evaluations();

        RawHttp.Response response = RawHttp.send(port, hostile.method(), hostile.target(), headers, hostile.body());

        assertThat(response.status()).as(response.body()).isEqualTo(hostile.status());
        assertThat(response.contentType()).startsWith("application/problem+json");
        JsonNode problem = new ObjectMapper().readTree(response.body());
        assertThat(problem.path("title").asText()).isEqualTo(hostile.title());
        assertThat(problem.path("detail").asText()).startsWith(hostile.detail());
        assertThat(problem.path("status").asInt()).isEqualTo(hostile.status());
        assertThat(probe.evaluations()).as("expressions evaluated").isEqualTo(before);
    }

    private SecurityHttp caller(HostileQueryCorpus.Caller caller) {
        return switch (caller) {
            case COLLECTOR -> SecurityHttp.basic(port, "hostile-collector", TestUsers.PASSWORD);
            case MANAGER -> SecurityHttp.basic(port, "hostile-manager", TestUsers.PASSWORD);
            case COLLECTOR_WEBAPP_SESSION -> SecurityHttp.webappLogin(port, SecurityIntegrationTest.ENGINE, "tasklist",
                    "hostile-collector", TestUsers.PASSWORD);
        };
    }
}
