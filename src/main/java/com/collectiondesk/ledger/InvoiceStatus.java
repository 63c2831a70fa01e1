package com.collectiondesk.ledger;

/** Follows the open amount: nothing paid, something paid, all paid. */
public enum InvoiceStatus {
    OPEN, PARTIALLY_PAID, PAID;

    static InvoiceStatus of(java.math.BigDecimal amount, java.math.BigDecimal openAmount) {
        if (openAmount.signum() == 0) {
            return PAID;
        }
        return openAmount.compareTo(amount) < 0 ? PARTIALLY_PAID : OPEN;
    }
}
