package com.collectiondesk.strategy;

import static org.assertj.core.api.Assertions.assertThat;

import com.collectiondesk.deployment.DeploymentCheck;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The channel check passes the shipped tables and a declared list of channels, and looks at no other decision. */
class StrategyChannelCheckTest {

    private final StrategyChannelCheck check = new StrategyChannelCheck();

    @Test
    void theShippedDecisionTablesPass() throws IOException {
        for (String table : new String[] {"dmn/collection-strategy.dmn", "dmn/ticket-segment.dmn"}) {
            assertThat(check.refusal(table, Files.readAllBytes(Path.of(table)))).as(table).isEmpty();
        }
    }

    @Test
    void declaredAllowedValuesThatAreAllChannelsPass() throws IOException {
        String typo = Files.readString(Path.of("src/test/resources/security/hostile/strategy-channel-output-values.dmn"));
        String channels = typo.replace("&quot;WHATSAPP&quot;",
                "&quot;EMAIL&quot;, &quot;CALL&quot;, &quot;LETTER&quot;, &quot;VOICE&quot;, &quot;ESCALATE&quot;");

        assertThat(check.refusal("strategy.dmn", channels.getBytes(StandardCharsets.UTF_8))).isEmpty();
        assertThat(check.refusal("strategy.dmn", typo.getBytes(StandardCharsets.UTF_8)))
                .map(DeploymentCheck.Refusal::problem).hasValueSatisfying(problem -> assertThat(problem).contains("'\"WHATSAPP\"'"));
    }

    @Test
    void onlyTheCollectionStrategyDecisionIsChecked() throws IOException {
        String other = Files.readString(Path.of("src/test/resources/security/hostile/strategy-channel-typo.dmn"))
                .replace("decision id=\"collection-strategy\"", "decision id=\"campaign-channels\"");

        assertThat(check.refusal("campaign.dmn", other.getBytes(StandardCharsets.UTF_8))).isEmpty();
        assertThat(check.refusal("campaign.bpmn", other.getBytes(StandardCharsets.UTF_8))).isEmpty();
    }
}
