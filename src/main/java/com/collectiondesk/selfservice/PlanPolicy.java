package com.collectiondesk.selfservice;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.dmn.engine.DmnDecisionRuleResult;
import org.springframework.stereotype.Component;

/**
 * The payment-plan columns of {@code self-service-policy}: per segment, the most instalments, how many days ahead the
 * first may fall, and the smallest instalment as an amount and a currency ("50.00 EUR"). A plan inside all three is
 * approved at once; anything else (a ticket in another currency included) goes to the ticket's owner, with the reasons.
 */
@Component
class PlanPolicy {

    private static final Pattern MONEY = Pattern.compile("([0-9]{1,9}(?:\\.[0-9]{1,2})?) ([A-Z]{3})");

    record Verdict(boolean inside, List<String> outside, String limits) {

        /** What the owner's task and the timeline say of the request against the policy. */
        String note() {
            return inside ? "inside the self-service policy (" + limits + ")"
                    : "outside the self-service policy (" + limits + "): " + String.join("; ", outside);
        }
    }

    private final PromisePolicy policy;

    PlanPolicy(PromisePolicy policy) {
        this.policy = policy;
    }

    /** The segment's plan limits as of today; the smallest instalment is an amount in a currency. */
    record Limits(int maxInstalments, LocalDate latestFirst, BigDecimal minimum, String minimumCurrency) {

        @Override
        public String toString() {
            return "at most " + maxInstalments + " instalments, the first by " + latestFirst + ", each at least " + minimum + " "
                    + minimumCurrency;
        }
    }

    Limits limits(String segment, LocalDate today) {
        DmnDecisionRuleResult rule = policy.rule(segment);
        Object minimumEntry = rule.getEntry("planMinInstalment");
        String minimumText = String.valueOf(minimumEntry);
        Matcher minimum = MONEY.matcher(minimumText.strip());
        if (!minimum.matches()) {
            throw new IllegalStateException(PromisePolicy.DECISION + " gives the smallest instalment '" + minimumText + "' for segment "
                    + segment + ": write an amount and a currency, e.g. \"50.00 EUR\"");
        }
        return new Limits(((Number) rule.getEntry("planMaxInstalments")).intValue(),
                today.plusDays(((Number) rule.getEntry("planFirstWithinDays")).longValue()),
                new BigDecimal(minimum.group(1)).setScale(2), minimum.group(2));
    }

    Verdict judge(String segment, PlanSchedule plan, LocalDate today) {
        Limits limits = limits(segment, today);
        List<String> outside = new ArrayList<>();
        if (plan.instalments().size() > limits.maxInstalments()) {
            outside.add(plan.instalments().size() + " instalments, more than " + limits.maxInstalments());
        }
        if (plan.firstDate().isAfter(limits.latestFirst())) {
            outside.add("first instalment on " + plan.firstDate() + ", after " + limits.latestFirst());
        }
        if (!limits.minimumCurrency().equals(plan.currency())) {
            outside.add("the smallest instalment is set in " + limits.minimumCurrency() + ", the ticket is in " + plan.currency());
        } else if (plan.smallestInstalment().compareTo(limits.minimum()) < 0) {
            outside.add("instalments of " + plan.smallestInstalment() + " " + plan.currency() + ", less than " + limits.minimum()
                    + " " + limits.minimumCurrency());
        }
        return new Verdict(outside.isEmpty(), List.copyOf(outside), limits.toString());
    }
}
