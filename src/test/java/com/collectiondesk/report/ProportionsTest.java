package com.collectiondesk.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** The lab's statistics against values worked out by hand (z = 1.959964 for 95 %). */
class ProportionsTest {

    private static final double Z95 = 1.959963984540054;

    @Test
    void theCriticalValueOfNinetyFivePercentIsTheNormalsQuantile() {
        assertThat(Proportions.criticalValue(0.95)).isCloseTo(Z95, within(1e-9));
        assertThat(Proportions.criticalValue(0.90)).isCloseTo(1.644854, within(1e-6));
    }

    /**
     * 6 of 10: p̂ = 0.6, z² = 3.841459; centre = 0.6 + 3.841459/20 = 0.792073; spread = 1.959964 × √(0.024 + 3.841459/400)
     * = 1.959964 × 0.183313 = 0.359287; scale = 1 + 0.384146 = 1.384146 → (0.432786 / 1.384146, 1.151360 / 1.384146)
     * = (0.312674, 0.831820).
     */
    @Test
    void theWilsonIntervalOfSixOfTen() {
        Proportions.Interval interval = Proportions.wilson(6, 10, Z95);
        assertThat(interval.low()).isCloseTo(0.312674, within(1e-6));
        assertThat(interval.high()).isCloseTo(0.831820, within(1e-6));
    }

    /** 0 of 10: the interval starts at 0 and reaches z²/(n + z²) = 3.841459 / 13.841459 = 0.277533, never below 0. */
    @Test
    void theWilsonIntervalOfNoneStaysInsideZeroToOne() {
        Proportions.Interval interval = Proportions.wilson(0, 10, Z95);
        assertThat(interval.low()).isCloseTo(0, within(1e-12));
        assertThat(interval.high()).isCloseTo(0.277533, within(1e-6));
    }

    /**
     * 2 of 10 against 6 of 10: pooled p̄ = 8/20 = 0.4; SE = √(0.4 × 0.6 × (1/10 + 1/10)) = √0.048 = 0.219089;
     * z = (0.2 − 0.6) / 0.219089 = −1.825742; p = 2 × (1 − Φ(1.825742)) = 2 × 0.033945 = 0.067889.
     */
    @Test
    void theTwoProportionTestOfTwoOfTenAgainstSixOfTen() {
        assertThat(Proportions.twoProportionPValue(2, 10, 6, 10)).isCloseTo(0.067889, within(1e-6));
        assertThat(Proportions.twoProportionPValue(6, 10, 2, 10)).isCloseTo(0.067889, within(1e-6));
    }

    @Test
    void equalProportionsGiveOneAndSoDoBothAllSuccesses() {
        assertThat(Proportions.twoProportionPValue(3, 10, 3, 10)).isCloseTo(1, within(1e-12));
        assertThat(Proportions.twoProportionPValue(10, 10, 5, 5)).isEqualTo(1);
    }
}
