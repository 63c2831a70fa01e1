package com.collectiondesk.strategy;

import com.collectiondesk.outreach.Channel;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/** One step of a collection strategy: on day {@code dayOffset} after opening, contact by {@code channel}. */
public record StrategyStep(int dayOffset, Channel channel, String templateId) {

    /** The values the decision's channel column may give (deployment refuses any other, see StrategyTableCheck). */
    public static final List<String> CHANNELS = Channel.names();

    /** The rows a COLLECT decision returned (one map per matching rule), in day-offset order. */
    public static List<StrategyStep> fromDecisionRows(List<Map<String, Object>> rows) {
        return rows.stream().map(StrategyStep::fromRow)
                .sorted(Comparator.comparingInt(StrategyStep::dayOffset))
                .toList();
    }

    static StrategyStep fromRow(Map<String, Object> row) {
        Object offset = row.get("dayOffset");
        Object channel = row.get("channel");
        Channel named = channel instanceof String name ? Channel.named(name).orElse(null) : null;
        if (!(offset instanceof Number number) || named == null) {
            throw new IllegalArgumentException("collection-strategy returned an invalid step " + row
                    + ": dayOffset must be a number and channel one of " + CHANNELS);
        }
        Object template = row.get("templateId");
        return new StrategyStep(number.intValue(), named, template == null ? null : template.toString());
    }
}
