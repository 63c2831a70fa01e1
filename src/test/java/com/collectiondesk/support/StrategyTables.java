package com.collectiondesk.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The shipped strategy table with a change an analyst would make in the Modeler. */
public final class StrategyTables {

    private StrategyTables() {
    }

    /** The shipped table with {@code fee} (e.g. "5.00 EUR") in the fee column of the B2B letter's rule. */
    public static String withLetterFee(String fee) {
        try (var in = StrategyTables.class.getResourceAsStream("/dmn/collection-strategy.dmn")) {
            String dmn = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            Matcher rule = Pattern.compile("<rule id=\"[^\"]+\">(?:(?!</rule>).)*letter-b2b-formal.*?</rule>", Pattern.DOTALL)
                    .matcher(dmn);
            assertThat(rule.find()).isTrue();
            String withFee = rule.group().replaceFirst("-out-3\"><text></text>", "-out-3\"><text>&quot;" + fee + "&quot;</text>");
            assertThat(withFee).isNotEqualTo(rule.group());
            return dmn.substring(0, rule.start()) + withFee + dmn.substring(rule.end());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
