package com.collectiondesk.strategy;

import java.util.Comparator;
import java.util.List;
import java.util.Map;

/** One step of a collection strategy: on day {@code dayOffset} after opening, contact by {@code channel}. */
public record StrategyStep(int dayOffset, String channel, String templateId) {

    public static final List<String> CHANNELS = List.of("SMS", "EMAIL", "CALL", "LETTER", "VOICE", "ESCALATE");

    /** The rows a COLLECT decision returned (one map per matching rule), in day-offset order. */
    public static List<StrategyStep> fromDecisionRows(List<Map<String, Object>> rows) {
        return rows.stream().map(StrategyStep::fromRow)
                .sorted(Comparator.comparingInt(StrategyStep::dayOffset))
                .toList();
    }

    static StrategyStep fromRow(Map<String, Object> row) {
        Object offset = row.get("dayOffset");
        Object channel = row.get("channel");
        if (!(offset instanceof Number number) || !(channel instanceof String name) || !CHANNELS.contains(name)) {
            throw new IllegalArgumentException("collection-strategy returned an invalid step " + row
                    + ": dayOffset must be a number and channel one of " + CHANNELS);
        }
        Object template = row.get("templateId");
        return new StrategyStep(number.intValue(), name, template == null ? null : template.toString());
    }
}
