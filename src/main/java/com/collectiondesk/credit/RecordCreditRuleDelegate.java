package com.collectiondesk.credit;

import com.collectiondesk.system.BusinessClock;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Record the rule's answer" after the credit-limit decision: {@code needsApproval} (true when the decision gave no
 * answer, so nothing unexamined reaches the ERP) and {@code ruleReason} for the gateway and the manager's form; a change
 * let through is approved at the suggested limit, in the history.
 */
@Component
class RecordCreditRuleDelegate implements JavaDelegate {

    static final String RULE_RESULT = "creditRule", NEEDS_APPROVAL = "needsApproval", RULE_REASON = "ruleReason";

    private final CreditLimits limits;
    private final BusinessClock clock;

    RecordCreditRuleDelegate(CreditLimits limits, BusinessClock clock) {
        this.limits = limits;
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Map<?, ?> rule = execution.getVariable(RULE_RESULT) instanceof Map<?, ?> result ? result : Map.of();
        boolean needsApproval = !Boolean.FALSE.equals(rule.get(NEEDS_APPROVAL));
        String reason = rule.get("reason") instanceof String text && !text.isBlank() ? text
                : "the credit-limit decision gave no reason";
        limits.ruleSaid(((Number) execution.getVariable(CreditLimitReviews.CHANGE_ID)).longValue(), needsApproval,
                reason, clock.now());
        execution.setVariable(NEEDS_APPROVAL, needsApproval);
        execution.setVariable(RULE_REASON, reason);
        execution.removeVariable(RULE_RESULT);
    }
}
