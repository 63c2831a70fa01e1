package com.collectiondesk.strategy;

import com.collectiondesk.deployment.DeploymentCheck;
import com.collectiondesk.outreach.Channel;
import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.dmn.instance.DecisionTable;
import org.camunda.bpm.model.dmn.instance.Output;
import org.camunda.bpm.model.dmn.instance.OutputEntry;
import org.camunda.bpm.model.dmn.instance.Rule;
import org.camunda.bpm.model.xml.ModelException;
import org.springframework.stereotype.Component;

/**
 * The collection-strategy table's (and its challenger's) channel column may give only {@link Channel} names, as FEEL string literals,
 * and its optional fee column only an amount and a currency or nothing: a typo would otherwise deploy and fail every
 * ticket's plan at run time. Checks every rule's entries and, when the channel column declares them, its allowed values.
 */
@Component
class StrategyTableCheck implements DeploymentCheck {

    static final String CHANNEL_OUTPUT = "channel";
    static final String FEE_OUTPUT = "fee";
    private static final Pattern STRING_LITERAL = Pattern.compile("\\s*\"([^\"]*)\"\\s*");
    private static final String HINT = "the channel column gives one of " + String.join(", ", Channel.names())
            + " as a string literal, e.g. \"SMS\".";
    private static final String FEE_HINT = "the fee column gives a positive amount and a currency as a string literal,"
            + " e.g. \"5.00 EUR\", or is empty for none.";

    @Override
    public Optional<Refusal> refusal(String resourceName, byte[] content) {
        if (!resourceName.endsWith(".dmn")) {
            return Optional.empty();
        }
        DmnModelInstance model;
        try {
            model = Dmn.readModelFromStream(new ByteArrayInputStream(content));
        } catch (ModelException notDmn) {
            return Optional.empty(); // the engine's own parser refuses it with its reason
        }
        return model.getModelElementsByType(Decision.class).stream()
                .filter(decision -> Decisions.COLLECTION_STRATEGY.equals(decision.getId())
                        || Decisions.COLLECTION_STRATEGY_CHALLENGER.equals(decision.getId()))
                .map(StrategyTableCheck::refusal).flatMap(Optional::stream).findFirst();
    }

    private static Optional<Refusal> refusal(Decision decision) {
        String table = "decision table '" + decision.getId() + "'";
        if (!(decision.getExpression() instanceof DecisionTable rules)) {
            return refused("decision '" + decision.getId() + "' is not a decision table");
        }
        List<Output> outputs = List.copyOf(rules.getOutputs());
        int column = columnNamed(outputs, CHANNEL_OUTPUT);
        if (column < 0) {
            return refused(table + " has no output named '" + CHANNEL_OUTPUT + "'");
        }
        Output channel = outputs.get(column);
        if (channel.getOutputValues() != null && channel.getOutputValues().getText() != null) {
            for (String value : channel.getOutputValues().getText().getTextContent().split(",")) {
                if (channelNamed(value).isEmpty()) {
                    return refused(table + " declares '" + value.strip() + "' among the channel output's allowed values,"
                            + " which is not a channel");
                }
            }
        }
        int fee = columnNamed(outputs, FEE_OUTPUT);
        int number = 0;
        for (Rule rule : rules.getRules()) {
            number++;
            List<OutputEntry> entries = List.copyOf(rule.getOutputEntries());
            String entry = entryText(entries, column);
            if (channelNamed(entry).isEmpty()) {
                return refused(table + " rule '" + rule.getId() + "' (rule " + number + ") gives the channel '"
                        + entry.strip() + "', which is not a channel");
            }
            String feeEntry = entryText(entries, fee).strip();
            Matcher literal = STRING_LITERAL.matcher(feeEntry);
            if (!feeEntry.isEmpty() && !(literal.matches() && (literal.group(1).isBlank() || StepFee.written(literal.group(1)).isPresent()))) {
                return Optional.of(new Refusal(table + " rule '" + rule.getId() + "' (rule " + number + ") gives the fee '"
                        + feeEntry + "', which is not an amount and a currency", FEE_HINT));
            }
        }
        return Optional.empty();
    }

    private static int columnNamed(List<Output> outputs, String name) {
        for (int i = 0; i < outputs.size(); i++) {
            if (name.equals(outputs.get(i).getName())) {
                return i;
            }
        }
        return -1;
    }

    /** The rule's entry in that column, empty when the column is absent or the entry has no text. */
    private static String entryText(List<OutputEntry> entries, int column) {
        return column >= 0 && column < entries.size() && entries.get(column).getText() != null
                ? entries.get(column).getText().getTextContent() : "";
    }

    /** The channel a FEEL string literal names exactly; empty for any other text. */
    private static Optional<Channel> channelNamed(String feel) {
        Matcher literal = STRING_LITERAL.matcher(feel);
        return literal.matches() ? Channel.named(literal.group(1)) : Optional.empty();
    }

    private static Optional<Refusal> refused(String problem) {
        return Optional.of(new Refusal(problem, HINT));
    }
}
