package com.collectiondesk.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.collectiondesk.support.TestUsers;
import java.net.http.HttpResponse;
import java.util.stream.Stream;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * An analyst deploys a collection-strategy table whose channel column gives something that is no channel, as
 * Camunda Modeler does: refused with 400 naming the file, the table, the rule and the value, with the channels
 * allowed; no new decision version is stored, so tickets keep planning with the one before.
 */
@SecurityIntegrationTest
class StrategyChannelDeploymentTest {

    private static final String DEPLOY = "/engine-rest/deployment/create";
    private static final String CHANNELS = "the channel column gives one of SMS, EMAIL, CALL, LETTER, VOICE, ESCALATE, BLOCK_SERVICE"
            + " as a string literal, e.g. \\\"SMS\\\".";

    @LocalServerPort
    int port;
    @Autowired
    RepositoryService repository;
    @Autowired
    IdentityService identity;

    private SecurityHttp analyst;

    @BeforeEach
    void analyst() {
        TestUsers.ensure(identity, "channel-analyst", Groups.ANALYSTS);
        analyst = SecurityHttp.basic(port, "channel-analyst", TestUsers.PASSWORD);
    }

    static Stream<Arguments> mistypedStrategies() {
        return Stream.of(
                Arguments.of("strategy-channel-typo.dmn",
                        "decision table 'collection-strategy' rule 'strategy-rule-2' (rule 2) gives the channel '\\\"LETER\\\"', which is not a channel"),
                Arguments.of("strategy-channel-lowercase.dmn",
                        "decision table 'collection-strategy' rule 'strategy-rule-1' (rule 1) gives the channel '\\\"sms\\\"', which is not a channel"),
                Arguments.of("strategy-channel-expression.dmn",
                        "decision table 'collection-strategy' rule 'strategy-rule-1' (rule 1) gives the channel"
                                + " 'if segment = \\\"HARD\\\" then \\\"CALL\\\" else \\\"SMS\\\"', which is not a channel"),
                Arguments.of("strategy-channel-missing.dmn",
                        "decision table 'collection-strategy' rule 'strategy-rule-2' (rule 2) gives the channel '', which is not a channel"),
                Arguments.of("strategy-channel-output-values.dmn",
                        "decision table 'collection-strategy' declares '\\\"WHATSAPP\\\"' among the channel output's allowed values,"
                                + " which is not a channel"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("mistypedStrategies")
    void aStrategyWhoseChannelIsNoChannelIsRefusedAndNoVersionIsStored(String file, String expected) {
        long deployments = repository.createDeploymentQuery().count();
        long strategies = repository.createDecisionDefinitionQuery().decisionDefinitionKey("collection-strategy").count();

        HttpResponse<String> response = analyst.postMultipart(DEPLOY, "hostile/" + file, ScriptDeploymentTest.model("security/hostile/" + file));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(response.body()).contains("Deployment refused: hostile/" + file + " " + expected + " — " + CHANNELS)
                .doesNotContain("Exception:");
        assertThat(repository.createDeploymentQuery().count()).isEqualTo(deployments);
        assertThat(repository.createDecisionDefinitionQuery().decisionDefinitionKey("collection-strategy").count()).isEqualTo(strategies);
    }
}
