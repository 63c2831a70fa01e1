package com.collectiondesk.selfservice;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecisionRuleResult;
import org.camunda.bpm.engine.DecisionService;
import org.springframework.stereotype.Component;

/**
 * The DMN {@code self-service-policy} (dmn/self-service-policy.dmn): per segment, how many days ahead a debtor may
 * promise on the page and the smallest amount a promise must cover, and the limits of a payment plan (see
 * {@link PlanPolicy}). Inside it the promise is taken at once; outside, it goes to the ticket's owner.
 */
@Component
class PromisePolicy {

    static final String DECISION = "self-service-policy";

    record Verdict(boolean inside, LocalDate latestDate, BigDecimal minimumAmount) {
    }

    private final DecisionService decisions;

    PromisePolicy(DecisionService decisions) {
        this.decisions = decisions;
    }

    Verdict judge(String segment, BigDecimal amount, LocalDate date, BigDecimal due, LocalDate today) {
        DmnDecisionRuleResult rule = rule(segment);
        LocalDate latest = today.plusDays(((Number) rule.getEntry("maxDays")).longValue());
        BigDecimal minimum = new BigDecimal(rule.getEntry("minAmount").toString()).min(due);
        return new Verdict(!date.isAfter(latest) && amount.compareTo(minimum) >= 0, latest, minimum);
    }

    /** The segment's row of the policy (FIRST hit; the last row takes any segment). */
    DmnDecisionRuleResult rule(String segment) {
        return decisions.evaluateDecisionTableByKey(DECISION, Map.of("segment", segment == null ? "" : segment)).getSingleResult();
    }
}
