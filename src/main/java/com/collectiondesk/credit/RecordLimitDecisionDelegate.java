package com.collectiondesk.credit;

import com.collectiondesk.system.BusinessClock;
import com.collectiondesk.ticket.CurrentActor;
import com.collectiondesk.ticket.TaskInputRefused;
import java.math.BigDecimal;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Completing "Approve credit limit": APPROVE takes the suggested limit, ADJUST the manager's {@code adjustedLimit}
 * (0 to {@code collection.credit.max-limit}, at most 2 decimals), REJECT keeps the current limit. Anything else is
 * refused naming the field (Tasklist shows it, the task stays open, nothing is stored); the decision and who made it
 * enter the history, and {@code limitApproved} routes the process.
 */
@Component
class RecordLimitDecisionDelegate implements TaskListener {

    static final String DECISION = "limitDecision", ADJUSTED_LIMIT = "adjustedLimit", NOTE = "limitNote",
            LIMIT_APPROVED = "limitApproved";
    static final List<String> DECISIONS = List.of("APPROVE", "ADJUST", "REJECT");
    static final int NOTE_LENGTH = 500;

    private final CreditLimits limits;
    private final CreditSettings settings;
    private final BusinessClock clock;

    RecordLimitDecisionDelegate(CreditLimits limits, CreditSettings settings, BusinessClock clock) {
        this.limits = limits;
        this.settings = settings;
        this.clock = clock;
    }

    @Override
    public void notify(DelegateTask task) {
        Object decision = task.getVariable(DECISION);
        if (!(decision instanceof String value) || !DECISIONS.contains(value)) {
            throw new TaskInputRefused(DECISION, "must be one of " + DECISIONS + ", got " + shown(decision));
        }
        String note = note(task.getVariable(NOTE));
        long changeId = ((Number) task.getVariable(CreditLimitReviews.CHANGE_ID)).longValue();
        CreditLimitChange change = limits.change(changeId).orElseThrow();
        BigDecimal approved = switch (value) {
            case "APPROVE" -> change.suggestedLimit();
            case "ADJUST" -> LimitAmounts.parse(ADJUSTED_LIMIT, task.getVariable(ADJUSTED_LIMIT), settings.maxLimit());
            default -> null;
        };
        String status = switch (value) {
            case "APPROVE" -> CreditLimitChange.APPROVED;
            case "ADJUST" -> CreditLimitChange.ADJUSTED;
            default -> CreditLimitChange.REJECTED;
        };
        limits.decided(changeId, status, approved, CurrentActor.of(task), note, clock.now());
        task.getExecution().setVariable(LIMIT_APPROVED, approved != null);
    }

    private static String note(Object note) {
        if (note == null) {
            return null;
        }
        if (!(note instanceof String text) || text.length() > NOTE_LENGTH) {
            throw new TaskInputRefused(NOTE, "must be a text of at most " + NOTE_LENGTH + " characters");
        }
        return text.isBlank() ? null : text.strip();
    }

    static String shown(Object value) {
        String text = String.valueOf(value);
        return text.length() > 40 ? "'" + text.substring(0, 40) + "…' (" + text.length() + " characters)" : "'" + text + "'";
    }
}
