package com.collectiondesk.ticket;

import java.math.BigDecimal;

/** A customer's overdue position on a business date. */
public record Overdue(BigDecimal amount, int maxDpd, String bucket, String productType) {

    public boolean isNothing() {
        return amount.signum() == 0;
    }
}
