package com.collectiondesk.credit;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * One entry of a customer's credit limit history: the ERP's own change ({@code FROM_ERP}), or a suggested change with
 * the credit-limit decision's reason, who decided and when the ERP was told.
 */
public record CreditLimitChange(long id, long customerFk, String status, BigDecimal fromLimit, BigDecimal suggestedLimit,
                                BigDecimal approvedLimit, Integer score, String scoreBand, String ruleReason,
                                String decidedBy, String note, Instant createdAt, Instant decidedAt, Instant toldErpAt) {

    public static final String FROM_ERP = "FROM_ERP", SUGGESTED = "SUGGESTED", NEEDS_APPROVAL = "NEEDS_APPROVAL",
            APPROVED_AUTOMATICALLY = "APPROVED_AUTOMATICALLY", APPROVED = "APPROVED", ADJUSTED = "ADJUSTED",
            REJECTED = "REJECTED";
}
