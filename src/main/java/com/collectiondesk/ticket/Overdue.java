package com.collectiondesk.ticket;

import java.math.BigDecimal;

/** A customer's overdue position on a business date. */
record Overdue(BigDecimal amount, int maxDpd, String bucket, String productType) {

    boolean isNothing() {
        return amount.signum() == 0;
    }
}
