package com.collectiondesk.system;

import java.time.Duration;
import java.util.function.Supplier;

/**
 * A value read from the database at most once per {@code maxAge}: the several gauges of one Prometheus scrape
 * (one per status, channel…) share one query instead of running one each.
 */
public final class ShortLivedReading<T> {

    private final long maxAgeNanos;
    private final Supplier<T> read;
    private T value;
    private long readAt;

    public ShortLivedReading(Duration maxAge, Supplier<T> read) {
        this.maxAgeNanos = maxAge.toNanos();
        this.read = read;
    }

    public synchronized T get() {
        long now = System.nanoTime();
        if (value == null || now - readAt > maxAgeNanos) {
            value = read.get();
            readAt = now;
        }
        return value;
    }
}
