package com.collectiondesk.strategy;

import static org.assertj.core.api.Assertions.assertThat;

import com.collectiondesk.outreach.Channel;
import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.delegate.DmnDecisionTableEvaluationEvent;
import org.camunda.bpm.dmn.engine.delegate.DmnDecisionTableEvaluationListener;
import org.camunda.bpm.dmn.engine.delegate.DmnEvaluatedDecisionRule;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The analysts' tables as shipped in dmn/: every rule fires for the case it was written for. */
class DecisionTablesTest {

    private static final List<String> firedRules = new java.util.ArrayList<>();
    private static DmnEngine dmn;
    private static DmnDecision segment;
    private static DmnDecision strategy;

    @BeforeAll
    static void parseTables() throws IOException {
        DefaultDmnEngineConfiguration configuration = (DefaultDmnEngineConfiguration) DmnEngineConfiguration
                .createDefaultDmnEngineConfiguration();
        configuration.customPostDecisionTableEvaluationListeners(List.of(new DmnDecisionTableEvaluationListener() {
            @Override
            public void notify(DmnDecisionTableEvaluationEvent event) {
                event.getMatchingRules().stream().map(DmnEvaluatedDecisionRule::getId).forEach(firedRules::add);
            }
        }));
        dmn = configuration.buildEngine();
        segment = parse("dmn/ticket-segment.dmn", Decisions.TICKET_SEGMENT);
        strategy = parse("dmn/collection-strategy.dmn", Decisions.COLLECTION_STRATEGY);
    }

    @ParameterizedTest(name = "rule {0}: dpd {1}, amount {2}, {3}, broken {4}, risk {5} -> {6}")
    @CsvSource({
            "1, 10, 50.0, CONSUMER_LOAN, 2, 10, HARD, 1",
            "2, 91, 50.0, CONSUMER_LOAN, 0, 10, HARD, 1",
            "3, 10, 50.0, CONSUMER_LOAN, 0, 800, HARD, 1",
            "4, 10, 5000.0, B2B_INVOICE, 0, 50, B2B, 2",
            "5, 30, 99.99, UTILITY, 0, 399, SOFT, 4",
            "6, 31, 99.99, UTILITY, 0, 399, STANDARD, 3",
            "6, 20, 300.0, CONSUMER_LOAN, 1, 50, STANDARD, 3",
            "6, 90, 100.0, MORTGAGE, 1, 799, STANDARD, 3",
    })
    void segmentRules(int rule, int maxDpd, double overdueAmount, String productType, int brokenPromises, int riskScore,
                      String expectedSegment, int expectedPriority) {
        firedRules.clear();
        Map<String, Object> result = dmn.evaluateDecisionTable(segment, Map.of("maxDpd", maxDpd,
                "overdueAmount", overdueAmount, "productType", productType, "brokenPromises", brokenPromises,
                "riskScore", riskScore)).getSingleResult().getEntryMap();

        assertThat(result).containsEntry("segment", expectedSegment).containsEntry("priority", expectedPriority);
        assertThat(firedRules).first().isEqualTo("ticket-segment-rule-" + rule);
    }

    @Test
    void theStandardStrategyIsSmsCallLetterEscalate() {
        assertThat(steps("STANDARD", "CONSUMER_LOAN")).containsExactly(
                new StrategyStep(0, Channel.SMS, "sms-reminder"), new StrategyStep(5, Channel.CALL, "call-standard"),
                new StrategyStep(10, Channel.LETTER, "letter-formal"), new StrategyStep(20, Channel.ESCALATE, null));
    }

    @Test
    void mortgagesInTheStandardSegmentGetAVoiceReminderOnDayThree() {
        assertThat(steps("STANDARD", "MORTGAGE")).extracting(step -> step.channel().name())
                .containsExactly("SMS", "VOICE", "CALL", "LETTER", "ESCALATE");
    }

    @Test
    void softHardAndB2bStrategiesDiffer() {
        assertThat(steps("SOFT", "UTILITY")).containsExactly(
                new StrategyStep(3, Channel.EMAIL, "email-friendly"), new StrategyStep(7, Channel.SMS, "sms-reminder"),
                new StrategyStep(14, Channel.CALL, "call-soft"), new StrategyStep(30, Channel.ESCALATE, null));
        assertThat(steps("HARD", "CONSUMER_LOAN")).containsExactly(
                new StrategyStep(0, Channel.CALL, "call-hard"), new StrategyStep(2, Channel.SMS, "sms-final-notice"),
                new StrategyStep(5, Channel.LETTER, "letter-final-notice"), new StrategyStep(10, Channel.ESCALATE, null));
        assertThat(steps("B2B", "B2B_INVOICE")).containsExactly(
                new StrategyStep(1, Channel.EMAIL, "email-b2b-reminder"), new StrategyStep(7, Channel.CALL, "call-b2b"),
                new StrategyStep(14, Channel.LETTER, "letter-b2b-formal"), new StrategyStep(21, Channel.ESCALATE, null));
    }

    @Test
    void everyStrategyRuleFiresForSomeSegmentAndProduct() {
        firedRules.clear();
        for (String[] segmentAndProduct : new String[][] {{"STANDARD", "MORTGAGE"}, {"SOFT", "UTILITY"},
                {"HARD", "LEASING"}, {"B2B", "B2B_INVOICE"}}) {
            steps(segmentAndProduct[0], segmentAndProduct[1]);
        }
        assertThat(firedRules).hasSize(17).doesNotHaveDuplicates();
    }

    @Test
    void anUnknownSegmentHasNoSteps() {
        assertThat(steps("NONE", "UTILITY")).isEmpty();
    }

    private static List<StrategyStep> steps(String segmentName, String productType) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("segment", segmentName);
        variables.put("productType", productType);
        return StrategyStep.fromDecisionRows(dmn.evaluateDecisionTable(strategy, variables).getResultList());
    }

    private static DmnDecision parse(String resource, String key) throws IOException {
        try (InputStream in = DecisionTablesTest.class.getClassLoader().getResourceAsStream(resource)) {
            return dmn.parseDecision(key, in);
        }
    }
}
