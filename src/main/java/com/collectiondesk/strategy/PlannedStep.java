package com.collectiondesk.strategy;

import java.util.Comparator;
import java.util.List;
import java.util.Map;

/** A strategy step with its fee (null: none), as the decision's row gave them. */
record PlannedStep(StrategyStep step, StepFee fee) {

    /** The rows of the COLLECT decision in day-offset order, as {@link StrategyStep#fromDecisionRows} orders them. */
    static List<PlannedStep> fromDecisionRows(List<Map<String, Object>> rows) {
        return rows.stream().map(row -> new PlannedStep(StrategyStep.fromRow(row), StepFee.fromRow(row)))
                .sorted(Comparator.comparingInt(planned -> planned.step().dayOffset()))
                .toList();
    }
}
