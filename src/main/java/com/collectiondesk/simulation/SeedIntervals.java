package com.collectiondesk.simulation;

import org.apache.commons.math3.distribution.TDistribution;

/**
 * The interval of a mean over the simulation's seeds: mean ± t(0.975, n − 1) · s / √n, s the sample standard
 * deviation of the n per-seed values. The report's Wilson interval (report.Proportions) is for a share of counted
 * tickets; a difference between two strategies run on the same seeds is a mean of n paired differences, so it gets
 * Student's t instead.
 */
final class SeedIntervals {

    static final double CONFIDENCE = 0.95;

    record Interval(double mean, double low, double high) {
    }

    private SeedIntervals() {
    }

    static Interval of(double[] values) {
        int n = values.length;
        double mean = 0;
        for (double value : values) {
            mean += value / n;
        }
        double squares = 0;
        for (double value : values) {
            squares += (value - mean) * (value - mean);
        }
        double halfWidth = new TDistribution(null, n - 1).inverseCumulativeProbability(1 - (1 - CONFIDENCE) / 2)
                * Math.sqrt(squares / (n - 1) / n);
        return new Interval(mean, mean - halfWidth, mean + halfWidth);
    }
}
