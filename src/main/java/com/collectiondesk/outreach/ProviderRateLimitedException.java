package com.collectiondesk.outreach;

import java.time.Duration;

/** The provider answered 429: try again no sooner than {@code retryAfter}. */
public class ProviderRateLimitedException extends RuntimeException {

    private final Duration retryAfter;

    ProviderRateLimitedException(String provider, Duration retryAfter) {
        super(provider + " is rate limiting us (429); retry after " + retryAfter.toSeconds() + " s");
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
