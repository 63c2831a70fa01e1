package com.collectiondesk.credit;

import com.collectiondesk.risk.RiskScores;
import com.collectiondesk.risk.ScoreCard;
import com.collectiondesk.security.EntityScope;
import com.collectiondesk.system.BusinessClock;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Starts the review (bpmn/credit-limit-review.bpmn) of each customer whose suggested limit differs from the current
 * one by at least {@code min-change-percent}: one review per customer at a time, never twice for the same suggested
 * limit in a row (a rejected suggestion is not asked again until it changes). The process's variables are the
 * credit-limit decision's inputs and what the manager's form shows.
 */
@Service
@Transactional
public class CreditLimitReviews {

    public static final String PROCESS = "credit-limit-review";
    static final String CHANGE_ID = "changeId";

    private final CreditLimits limits;
    private final CreditSettings settings;
    private final RiskScores scores;
    private final RuntimeService runtime;
    private final BusinessClock clock;

    CreditLimitReviews(CreditLimits limits, CreditSettings settings, RiskScores scores, RuntimeService runtime,
                       BusinessClock clock) {
        this.limits = limits;
        this.settings = settings;
        this.scores = scores;
        this.runtime = runtime;
        this.clock = clock;
    }

    /** Returns how many reviews it started. */
    public int startDue(LocalDate asOf) {
        List<CreditLimits.Due> due = limits.due(asOf, settings.minChangePercent(), settings.maxReviewsPerScan());
        due.forEach(this::start);
        return due.size();
    }

    private void start(CreditLimits.Due due) {
        long changeId = limits.open(due, clock.now());
        BigDecimal change = due.suggestedLimit().subtract(due.currentLimit());
        String parts = scores.card(due.customerFk()).map(ScoreCard::explain).orElse("not scored");
        Map<String, Object> variables = new HashMap<>();
        variables.put(CHANGE_ID, changeId);
        variables.put("customerId", due.customerId());
        variables.put("customer", due.customerId() + " " + due.name());
        variables.put(EntityScope.PROCESS_VARIABLE, due.legalEntity());
        variables.put("debtorKind", due.debtorKind());
        variables.put("score", due.score());
        variables.put("scoreBand", due.scoreBand());
        variables.put("scoreText", due.score() + " of 1000 (" + due.scoreBand() + ")");
        variables.put("scoreParts", parts);
        variables.put("currentLimit", due.currentLimit().doubleValue());
        variables.put("suggestedLimit", due.suggestedLimit().doubleValue());
        variables.put("changeAmount", change.doubleValue());
        // no percentage of a zero limit: the decision reads a new credit line from currentLimit 0
        variables.put("changePercent", due.currentLimit().signum() == 0 ? null
                : change.multiply(BigDecimal.valueOf(100)).divide(due.currentLimit(), 1, RoundingMode.HALF_UP).doubleValue());
        variables.put("exposure", due.exposure().doubleValue());
        variables.put("currentLimitText", money(due.currentLimit(), due.currency()));
        variables.put("suggestedLimitText", money(due.suggestedLimit(), due.currency()) + " (" + (change.signum() > 0 ? "+" : "")
                + money(change, due.currency()) + ")");
        variables.put("exposureText", money(due.exposure(), due.currency()));
        variables.put("currency", due.currency());
        variables.put("maxLimit", settings.maxLimit().doubleValue());
        runtime.startProcessInstanceByKey(PROCESS, "credit-limit:" + due.customerId() + ":" + changeId, variables);
    }

    static String money(BigDecimal amount, String currency) {
        return amount.setScale(2, RoundingMode.UNNECESSARY).toPlainString() + " " + currency;
    }
}
