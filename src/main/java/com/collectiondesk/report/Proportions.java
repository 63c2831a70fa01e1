package com.collectiondesk.report;

import org.apache.commons.math3.distribution.NormalDistribution;

/**
 * The strategy lab's statistics on proportions (successes of n): the Wilson score interval and the pooled
 * two-proportion z-test, with Commons Math 3's standard normal distribution. Formulas in the README, "Reports and
 * dashboard", "Champion and challenger".
 */
final class Proportions {

    /** Never sampled from, so it needs no random generator. */
    private static final NormalDistribution STANDARD_NORMAL = new NormalDistribution(null, 0, 1);

    record Interval(double low, double high) {
    }

    private Proportions() {
    }

    /** The two-sided critical value, e.g. 1.959964 for 0.95. */
    static double criticalValue(double confidence) {
        return STANDARD_NORMAL.inverseCumulativeProbability(1 - (1 - confidence) / 2);
    }

    /**
     * Wilson: (p̂ + z²/2n ± z·√(p̂(1−p̂)/n + z²/4n²)) / (1 + z²/n); unlike p̂ ± z·√(p̂(1−p̂)/n) it stays inside 0–1
     * and keeps its coverage for small n and for p̂ near 0 or 1.
     */
    static Interval wilson(long successes, long n, double z) {
        double p = (double) successes / n;
        double z2 = z * z;
        double centre = p + z2 / (2.0 * n);
        double spread = z * Math.sqrt(p * (1 - p) / n + z2 / (4.0 * n * n));
        double scale = 1 + z2 / n;
        return new Interval((centre - spread) / scale, (centre + spread) / scale);
    }

    /**
     * Two-sided p-value of H0 "both proportions are equal": z = (p̂₁ − p̂₂) / √(p̄(1−p̄)(1/n₁ + 1/n₂)), p̄ the pooled
     * proportion. Both all-success or all-failure: no difference to see, 1.
     */
    static double twoProportionPValue(long successes1, long n1, long successes2, long n2) {
        double pooled = (double) (successes1 + successes2) / (n1 + n2);
        double standardError = Math.sqrt(pooled * (1 - pooled) * (1.0 / n1 + 1.0 / n2));
        if (standardError == 0) {
            return 1;
        }
        double z = ((double) successes1 / n1 - (double) successes2 / n2) / standardError;
        return 2 * (1 - STANDARD_NORMAL.cumulativeProbability(Math.abs(z)));
    }
}
