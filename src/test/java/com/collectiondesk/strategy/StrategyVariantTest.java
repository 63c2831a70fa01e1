package com.collectiondesk.strategy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** Champion or challenger by a stable hash of the ticket number: the same every time, and close to the share. */
class StrategyVariantTest {

    private static final List<String> TEN_THOUSAND_TICKETS = IntStream.rangeClosed(1, 10_000)
            .mapToObj(n -> String.format("T-2026-%06d", n)).toList();

    @ParameterizedTest(name = "share {0} %")
    @ValueSource(doubles = {2.5, 10, 50})
    void onTenThousandTicketNumbersTheChallengerGetsItsShareWithinTwoPoints(double share) {
        long challengers = TEN_THOUSAND_TICKETS.stream()
                .filter(number -> StrategyVariant.of(StrategyVariant.bucketOf(number), share) == StrategyVariant.CHALLENGER)
                .count();

        assertThat(challengers / 100.0).as("challenger %% of 10,000 tickets").isBetween(share - 2, share + 2);
    }

    @Test
    void aTicketNumberAlwaysGetsTheSameBucketOnAnyNodeAndInAnyRun() {
        // fixed values: SHA-256 of the number, not a JVM's hash, so every node and release agrees
        assertThat(StrategyVariant.bucketOf("T-2026-000001")).isEqualTo(StrategyVariant.bucketOf("T-2026-000001"))
                .isEqualTo(EXPECTED_BUCKET_OF_FIRST_TICKET);
        assertThat(TEN_THOUSAND_TICKETS.stream().map(StrategyVariant::bucketOf).toList())
                .isEqualTo(TEN_THOUSAND_TICKETS.stream().map(StrategyVariant::bucketOf).toList())
                .allSatisfy(bucket -> assertThat(bucket).isBetween(0, StrategyVariant.BUCKETS - 1));
    }

    @Test
    void raisingTheShareKeepsTheChallengersItAlreadyHad() {
        assertThat(TEN_THOUSAND_TICKETS).allSatisfy(number -> {
            int bucket = StrategyVariant.bucketOf(number);
            if (StrategyVariant.of(bucket, 10) == StrategyVariant.CHALLENGER) {
                assertThat(StrategyVariant.of(bucket, 20)).isEqualTo(StrategyVariant.CHALLENGER);
            }
        });
        assertThat(StrategyVariant.of(0, 0)).isEqualTo(StrategyVariant.CHAMPION);
        assertThat(StrategyVariant.of(StrategyVariant.BUCKETS - 1, 100)).isEqualTo(StrategyVariant.CHALLENGER);
    }

    /** sha256("T-2026-000001") begins b34e9421: 3008271393 mod 10000. */
    private static final int EXPECTED_BUCKET_OF_FIRST_TICKET = 1393;
}
