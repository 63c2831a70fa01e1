package com.collectiondesk.ledger;

import java.math.BigDecimal;

/** Follows the open amount: nothing paid, something paid, all paid, or closed by cancellation alone. */
public enum InvoiceStatus {
    OPEN, PARTIALLY_PAID, PAID, CANCELLED;

    static InvoiceStatus of(BigDecimal amount, BigDecimal openAmount, BigDecimal cancelledAmount) {
        BigDecimal paid = amount.subtract(openAmount).subtract(cancelledAmount);
        if (openAmount.signum() == 0) {
            return paid.signum() == 0 && cancelledAmount.signum() > 0 ? CANCELLED : PAID;
        }
        return paid.signum() > 0 ? PARTIALLY_PAID : OPEN;
    }
}
