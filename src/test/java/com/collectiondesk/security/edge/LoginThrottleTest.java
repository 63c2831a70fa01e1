package com.collectiondesk.security.edge;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class LoginThrottleTest {

    /** 3 free failures per client and account, 6 per account; waits of 1 s doubling up to 8 s. */
    private final LoginThrottleSettings settings =
            new LoginThrottleSettings(3, 6, Duration.ofSeconds(1), Duration.ofSeconds(8), Duration.ofHours(1));
    private final MovableClock clock = new MovableClock();
    private final LoginThrottle throttle = new LoginThrottle(settings, clock);

    @Test
    void waitsGrowAfterTheFreeFailuresUpToTheMaximumAndAlwaysEnd() {
        for (int i = 0; i < 3; i++) {
            assertThat(throttle.waitBefore("10.0.0.1", "admin")).isZero();
            throttle.failed("10.0.0.1", "admin");
        }
        assertThat(throttle.waitBefore("10.0.0.1", "admin")).isZero();
        Duration[] expected = {Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(4), Duration.ofSeconds(8),
                Duration.ofSeconds(8), Duration.ofSeconds(8)};
        for (Duration wait : expected) {
            throttle.failed("10.0.0.1", "admin");
            assertThat(throttle.waitBefore("10.0.0.1", "admin")).isEqualTo(wait);
            clock.advance(wait);
            assertThat(throttle.waitBefore("10.0.0.1", "admin")).as("the wait ends").isZero();
        }
    }

    @Test
    void aRightPasswordForgetsTheFailures() {
        for (int i = 0; i < 5; i++) {
            throttle.failed("10.0.0.1", "anna");
        }
        clock.advance(Duration.ofSeconds(10));
        throttle.succeeded("10.0.0.1", "anna");
        throttle.failed("10.0.0.1", "anna");
        assertThat(throttle.waitBefore("10.0.0.1", "anna")).isZero();
    }

    @Test
    void oneClientsGuessesDoNotSlowAnotherUntilTheAccountItselfIsUnderAttack() {
        for (int i = 0; i < 4; i++) {
            throttle.failed("10.0.0.1", "admin");
        }
        assertThat(throttle.waitBefore("10.0.0.1", "admin")).isPositive();
        assertThat(throttle.waitBefore("10.0.0.2", "admin")).isZero();
        assertThat(throttle.waitBefore("10.0.0.1", "anna")).isZero();

        // guesses spread over many addresses: the account's own count slows every address
        for (int i = 3; i <= 5; i++) {
            throttle.failed("10.0.0." + i, "admin");
        }
        assertThat(throttle.waitBefore("10.0.0.99", "admin")).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void spellingsOfAnAccountShareOneCount() {
        for (int i = 0; i < 4; i++) {
            throttle.failed("10.0.0.1", i % 2 == 0 ? "Admin" : "ADMIN");
        }
        assertThat(throttle.waitBefore("10.0.0.1", "admin")).isPositive();
    }

    private static final class MovableClock extends Clock {

        private Instant now = Instant.parse("2026-12-01T10:00:00Z");

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
