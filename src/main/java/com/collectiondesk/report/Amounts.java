package com.collectiondesk.report;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Rounding and ratios shared by the reports; a ratio over nothing is "no value" (null), never zero. */
final class Amounts {

    private Amounts() {
    }

    static BigDecimal money(BigDecimal value) {
        return (value == null ? BigDecimal.ZERO : value).setScale(2, RoundingMode.HALF_UP);
    }

    static BigDecimal orZero(BigDecimal value) {
        return value == null ? BigDecimal.ZERO : value;
    }

    /** numerator / denominator × 100, one decimal. */
    static BigDecimal percent(BigDecimal numerator, BigDecimal denominator) {
        if (denominator == null || denominator.signum() == 0) {
            return null;
        }
        return orZero(numerator).multiply(BigDecimal.valueOf(100)).divide(denominator, 1, RoundingMode.HALF_UP);
    }

    static BigDecimal percent(long numerator, long denominator) {
        return percent(BigDecimal.valueOf(numerator), BigDecimal.valueOf(denominator));
    }

    static BigDecimal oneDecimal(double value) {
        return BigDecimal.valueOf(value).setScale(1, RoundingMode.HALF_UP);
    }
}
