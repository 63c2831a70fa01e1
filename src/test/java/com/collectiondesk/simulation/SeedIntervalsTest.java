package com.collectiondesk.simulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** The interval over seeds, worked by hand: 1, 2, 3 → mean 2, s = 1, t(0.975, 2) = 4.302653, half-width 4.302653 / √3. */
class SeedIntervalsTest {

    @Test
    void meanPlusMinusStudentsTTimesTheStandardError() {
        SeedIntervals.Interval interval = SeedIntervals.of(new double[] {1, 2, 3});
        assertThat(interval.mean()).isEqualTo(2.0);
        assertThat(interval.low()).isCloseTo(2 - 2.484138, within(1e-6));
        assertThat(interval.high()).isCloseTo(2 + 2.484138, within(1e-6));
    }

    @Test
    void identicalSeedsGiveAnIntervalOfNoWidth() {
        SeedIntervals.Interval interval = SeedIntervals.of(new double[] {0, 0, 0, 0});
        assertThat(interval.low()).isZero();
        assertThat(interval.high()).isZero();
    }
}
