package com.collectiondesk.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.collectiondesk.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.Environment;

/** The ready line names the port the server really listens on (random here, not the configured 8080) and health. */
@IntegrationTest
class StartupBannerTest {

    @LocalServerPort int port;
    @Autowired StartupBanner banner;
    @Autowired Environment env;
    @Autowired TestRestTemplate rest;

    @Test
    void theReadyLineHasTheListeningPortAndAHealthUrlThatAnswers() {
        assertThat(port).isNotEqualTo(8080);

        String line = banner.line(port, env);

        assertThat(line).startsWith("Collection Desk ready on port " + port + " | ")
                .contains("Tasklist http://localhost:" + port + "/camunda/app/tasklist/")
                .contains("Health http://localhost:" + port + "/actuator/health")
                .doesNotContain("localhost:8080/camunda");
        String health = line.substring(line.indexOf("Health ") + "Health ".length()).split(" ")[0];
        assertThat(rest.getForEntity(health, String.class).getStatusCode().value()).isEqualTo(200);
    }
}
