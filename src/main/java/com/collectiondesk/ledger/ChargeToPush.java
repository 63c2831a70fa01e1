package com.collectiondesk.ledger;

import java.math.BigDecimal;
import java.time.LocalDate;

/** One of our charges (interest, a fee) as the ERP is told of it; {@code chargeKey} is stable, so the ERP books it once. */
public record ChargeToPush(String chargeKey, String invoiceNumber, String customerId, String kind, String rule,
                           BigDecimal basis, BigDecimal rate, String dayCount, LocalDate periodFrom, LocalDate periodTo,
                           BigDecimal amount, String currency) {
}
