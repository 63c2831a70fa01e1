package com.collectiondesk.credit;

import com.collectiondesk.ticket.TaskInputRefused;
import java.math.BigDecimal;

/** A credit limit a manager typed: a number from 0 to the configured maximum with at most 2 decimals. */
final class LimitAmounts {

    private LimitAmounts() {
    }

    static BigDecimal parse(String field, Object value, BigDecimal max) {
        if (value == null || value instanceof String text && text.isBlank()) {
            throw new TaskInputRefused(field, "is required to adjust the limit");
        }
        BigDecimal amount;
        try {
            // a form's number arrives as a Long or Double, the engine REST API's as any JSON value
            String text = value instanceof Number || value instanceof String ? value.toString().strip() : null;
            if (text == null || text.length() > 40) {
                throw new NumberFormatException();
            }
            amount = new BigDecimal(text);
        } catch (NumberFormatException notANumber) {
            throw new TaskInputRefused(field, RecordLimitDecisionDelegate.shown(value) + " is not an amount like 25000.00");
        }
        if (amount.signum() < 0) {
            throw new TaskInputRefused(field, "must not be negative, got " + amount.stripTrailingZeros().toPlainString());
        }
        if (amount.compareTo(max) > 0) {
            throw new TaskInputRefused(field, "must be at most " + max.toPlainString() + " (collection.credit.max-limit)");
        }
        if (amount.stripTrailingZeros().scale() > 2) {
            throw new TaskInputRefused(field, "must have at most 2 decimals");
        }
        return amount.setScale(2);
    }
}
