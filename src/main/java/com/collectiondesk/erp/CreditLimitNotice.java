package com.collectiondesk.erp;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * An approved credit limit for the ERP (README, "ERP connector", "4. Push an approved credit limit"). {@code changeKey}
 * names the customer, the change and the limit, stable across retries, so the ERP books each change once.
 * {@code approvedBy}: the manager's user id, or {@code credit-limit rule} when the decision let it through.
 */
public record CreditLimitNotice(String changeKey, String customerId, BigDecimal creditLimit, BigDecimal previousLimit,
                                String currency, int score, String approvedBy, String reason, Instant at) {
}
