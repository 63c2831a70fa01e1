package com.collectiondesk.security.edge;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The login throttle: after {@code freeFailures} wrong passwords for one account from one client address (or
 * {@code accountFreeFailures} from all addresses together) each further one makes that caller wait, starting at
 * {@code firstDelay} and doubling up to {@code maxDelay}. Failures are forgotten {@code forgetAfter} after the last
 * one, and a right password forgets them at once.
 */
@ConfigurationProperties("collection.http.login-throttle")
record LoginThrottleSettings(@DefaultValue("5") int freeFailures,
                             @DefaultValue("20") int accountFreeFailures,
                             @DefaultValue("1s") Duration firstDelay,
                             @DefaultValue("15m") Duration maxDelay,
                             @DefaultValue("1h") Duration forgetAfter) {

    /** The wait after the {@code failures}-th failure when the first {@code free} ones cost nothing. */
    Duration delayAfter(int failures, int free) {
        if (failures <= free) {
            return Duration.ZERO;
        }
        int doublings = Math.min(failures - free - 1, 30);
        Duration delay = firstDelay.multipliedBy(1L << doublings);
        return delay.compareTo(maxDelay) > 0 ? maxDelay : delay;
    }

    /** Failures must be remembered at least as long as the longest wait they cause. */
    Duration memory() {
        return forgetAfter.compareTo(maxDelay) > 0 ? forgetAfter : maxDelay;
    }
}
