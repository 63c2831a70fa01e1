package com.collectiondesk.strategy;

import static org.assertj.core.api.Assertions.assertThat;

import com.collectiondesk.deployment.DeploymentCheck;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The table check passes the shipped tables, a declared list of channels and written fees, and looks at no other decision. */
class StrategyTableCheckTest {

    private final StrategyTableCheck check = new StrategyTableCheck();

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
    void aFeeIsAnAmountAndACurrencyOrNothing() throws IOException {
        String shipped = Files.readString(Path.of("dmn/collection-strategy.dmn"));
        String emptyFee = "<outputEntry id=\"collection-strategy-rule-1-out-3\"><text></text></outputEntry>";
        assertThat(shipped).contains(emptyFee);

        for (String fine : new String[] {"&quot;5.00 EUR&quot;", "&quot;40 EUR&quot;", "&quot;&quot;"}) {
            assertThat(check.refusal("s.dmn", withFee(shipped, emptyFee, fine))).as(fine).isEmpty();
        }
        for (String wrong : new String[] {"&quot;five euros&quot;", "&quot;0.00 EUR&quot;", "&quot;-5.00 EUR&quot;", "5", "&quot;5.001 EUR&quot;"}) {
            assertThat(check.refusal("s.dmn", withFee(shipped, emptyFee, wrong))).as(wrong).hasValueSatisfying(refusal -> {
                assertThat(refusal.problem()).startsWith("decision table 'collection-strategy' rule 'collection-strategy-rule-1'"
                        + " (rule 1) gives the fee '").endsWith("', which is not an amount and a currency");
                assertThat(refusal.hint()).contains("e.g. \"5.00 EUR\", or is empty for none");
            });
        }
    }

    private static byte[] withFee(String shipped, String emptyFee, String fee) {
        return shipped.replace(emptyFee, emptyFee.replace("<text></text>", "<text>" + fee + "</text>")).getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void onlyTheCollectionStrategyDecisionIsChecked() throws IOException {
        String other = Files.readString(Path.of("src/test/resources/security/hostile/strategy-channel-typo.dmn"))
                .replace("decision id=\"collection-strategy\"", "decision id=\"campaign-channels\"");

        assertThat(check.refusal("campaign.dmn", other.getBytes(StandardCharsets.UTF_8))).isEmpty();
        assertThat(check.refusal("campaign.bpmn", other.getBytes(StandardCharsets.UTF_8))).isEmpty();
    }
}
