package com.collectiondesk.strategy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.junit.jupiter.api.Test;

/**
 * The shipped decision tables decide exactly as Camunda's own FEEL engine does when the engine parses each cell
 * once: the same rows, the same outputs and the same failures for thousands of inputs, typed, missing and of the
 * wrong type; and the process engine gets the parse-once engine unless FEEL legacy (JUEL) behaviour is on.
 */
class FeelParsedOnceTest {

    private static final List<String> PRODUCTS = List.of("CONSUMER_LOAN", "UTILITY", "MORTGAGE", "B2B_INVOICE", "LEASING", "OTHER");
    private static final List<String> SEGMENTS = List.of("STANDARD", "SOFT", "HARD", "B2B", "NONE");

    @Test
    void theShippedTablesDecideAsWithCamundasOwnFeelEngineForEveryInput() throws IOException {
        DmnEngine camunda = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
        DefaultDmnEngineConfiguration parsedOnce = (DefaultDmnEngineConfiguration) DmnEngineConfiguration.createDefaultDmnEngineConfiguration();
        parsedOnce.setFeelEngineFactory(new FeelParsedOncePlugin.Factory(List.of()));
        DmnEngine cached = parsedOnce.buildEngine();
        Map<String, DmnDecision> camundasTables = tables(camunda);
        Map<String, DmnDecision> parsedOnceTables = tables(cached);
        Random random = new Random(19);
        int failures = 0;
        for (int i = 0; i < 3000; i++) {
            Map<String, Object> segmentInputs = segmentInputs(random);
            String expected = decide(camunda, camundasTables.get(Decisions.TICKET_SEGMENT), segmentInputs);
            assertThat(decide(cached, parsedOnceTables.get(Decisions.TICKET_SEGMENT), segmentInputs)).as(segmentInputs.toString())
                    .isEqualTo(expected);
            failures += expected.startsWith("failed") ? 1 : 0;
            Map<String, Object> strategyInputs = new HashMap<>();
            strategyInputs.put("segment", pick(random, SEGMENTS));
            strategyInputs.put("productType", pick(random, PRODUCTS));
            assertThat(decide(cached, parsedOnceTables.get(Decisions.COLLECTION_STRATEGY), strategyInputs))
                    .isEqualTo(decide(camunda, camundasTables.get(Decisions.COLLECTION_STRATEGY), strategyInputs));
        }
        assertThat(failures).as("inputs of the wrong type fail alike").isPositive();
    }

    @Test
    void theProcessEngineEvaluatesFeelWithTheParseOnceEngineExceptInLegacyMode() {
        StandaloneInMemProcessEngineConfiguration configuration = new StandaloneInMemProcessEngineConfiguration();
        new FeelParsedOncePlugin().preInit(configuration);
        assertThat(configuration.getDmnEngineConfiguration().getFeelEngineFactory()).isInstanceOf(FeelParsedOncePlugin.Factory.class);

        StandaloneInMemProcessEngineConfiguration legacy = new StandaloneInMemProcessEngineConfiguration();
        legacy.setDmnFeelEnableLegacyBehavior(true);
        new FeelParsedOncePlugin().preInit(legacy);
        assertThat(legacy.getDmnEngineConfiguration()).isNull();
    }

    /** Mostly well-typed inputs around the tables' thresholds, sometimes one missing or a text where a number goes. */
    private static Map<String, Object> segmentInputs(Random random) {
        Map<String, Object> inputs = new HashMap<>();
        inputs.put("maxDpd", random.nextInt(120));
        inputs.put("overdueAmount", random.nextInt(600_000) / 100.0);
        inputs.put("productType", pick(random, PRODUCTS));
        inputs.put("brokenPromises", random.nextInt(4));
        inputs.put("riskScore", random.nextInt(1001));
        int odd = random.nextInt(20);
        if (odd == 0) {
            inputs.remove(List.copyOf(inputs.keySet()).get(random.nextInt(inputs.size())));
        } else if (odd == 1) {
            inputs.put("maxDpd", "ninety");
        }
        return inputs;
    }

    private static Map<String, DmnDecision> tables(DmnEngine engine) throws IOException {
        Map<String, DmnDecision> tables = new HashMap<>();
        for (String key : List.of(Decisions.TICKET_SEGMENT, Decisions.COLLECTION_STRATEGY)) {
            try (InputStream in = FeelParsedOnceTest.class.getClassLoader().getResourceAsStream("dmn/" + key + ".dmn")) {
                tables.put(key, engine.parseDecision(key, in));
            }
        }
        return tables;
    }

    /** The matched rows and their outputs, or the failure's message. */
    private static String decide(DmnEngine engine, DmnDecision decision, Map<String, Object> inputs) {
        try {
            List<Map<String, Object>> rows = new ArrayList<>();
            engine.evaluateDecisionTable(decision, inputs).forEach(row -> rows.add(row.getEntryMap()));
            return rows.toString();
        } catch (RuntimeException e) {
            return "failed: " + e.getClass().getSimpleName() + " " + e.getMessage();
        }
    }

    private static <T> T pick(Random random, List<T> values) {
        return values.get(random.nextInt(values.size()));
    }
}
