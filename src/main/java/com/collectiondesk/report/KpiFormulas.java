package com.collectiondesk.report;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.List;

/** The receivables formulas of features.md (d), kept apart from SQL so each can be checked by hand. */
final class KpiFormulas {

    private static final MathContext PRECISION = MathContext.DECIMAL64;

    /** A month's credit sales and its number of days. */
    record MonthSales(BigDecimal sales, int days) {
    }

    private KpiFormulas() {
    }

    /** DSO = AR_end / CreditSales_period × Days_period; one decimal; null without sales. */
    static BigDecimal standardDso(BigDecimal arEnd, BigDecimal creditSales, long days) {
        if (creditSales.signum() == 0) {
            return null;
        }
        return arEnd.multiply(BigDecimal.valueOf(days)).divide(creditSales, 1, RoundingMode.HALF_UP);
    }

    /**
     * Count-back DSO: walk back month by month from the latest, taking whole months while the receivables
     * still cover their sales, then the covered fraction of the next month. {@code latestFirst} ends with the
     * oldest month available; if receivables outlast them all, the result counts every available day.
     */
    static BigDecimal countBackDso(BigDecimal ar, List<MonthSales> latestFirst) {
        return countBack(ar, latestFirst).days();
    }

    /** The walk's days (none without months) and whether the receivables ran out within the months given. */
    record CountBack(BigDecimal days, boolean withinMonths) {
    }

    static CountBack countBack(BigDecimal ar, List<MonthSales> latestFirst) {
        if (latestFirst.isEmpty()) {
            return new CountBack(null, false);
        }
        BigDecimal remaining = ar;
        BigDecimal dso = BigDecimal.ZERO;
        for (MonthSales month : latestFirst) {
            if (remaining.signum() <= 0) {
                return new CountBack(dso.setScale(1, RoundingMode.HALF_UP), true);
            }
            if (month.sales().signum() > 0 && remaining.compareTo(month.sales()) < 0) {
                dso = dso.add(remaining.multiply(BigDecimal.valueOf(month.days())).divide(month.sales(), PRECISION));
                return new CountBack(dso.setScale(1, RoundingMode.HALF_UP), true);
            }
            remaining = remaining.subtract(month.sales());
            dso = dso.add(BigDecimal.valueOf(month.days()));
        }
        return new CountBack(dso.setScale(1, RoundingMode.HALF_UP), remaining.signum() <= 0);
    }

    /** CEI = (AR_begin + CreditSales − AR_end_total) / (AR_begin + CreditSales − AR_end_current) × 100; one decimal. */
    static BigDecimal cei(BigDecimal arBegin, BigDecimal creditSales, BigDecimal arEndTotal, BigDecimal arEndCurrent) {
        BigDecimal available = arBegin.add(creditSales);
        return Amounts.percent(available.subtract(arEndTotal), available.subtract(arEndCurrent));
    }

    /** Median of sorted values; null for none. */
    static BigDecimal median(List<Long> sorted) {
        if (sorted.isEmpty()) {
            return null;
        }
        int middle = sorted.size() / 2;
        double median = sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2.0;
        return Amounts.oneDecimal(median);
    }

    static BigDecimal mean(List<Long> values) {
        return values.isEmpty() ? null : Amounts.oneDecimal(values.stream().mapToLong(Long::longValue).average().orElse(0));
    }
}
