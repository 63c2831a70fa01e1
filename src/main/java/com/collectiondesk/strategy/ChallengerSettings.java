package com.collectiondesk.strategy;

import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code collection.strategy.challenger.share.<SEGMENT>}: the percentage (0–100, decimals allowed) of new tickets of a
 * segment that follow the challenger decision {@code collection-strategy-challenger} while one is deployed; a segment
 * not named gets none. README, "Champion and challenger".
 */
@ConfigurationProperties("collection.strategy.challenger")
public record ChallengerSettings(@DefaultValue Map<String, Double> share) {

    public ChallengerSettings {
        share.forEach((segment, percent) -> {
            if (percent == null || percent < 0 || percent > 100) {
                throw new IllegalArgumentException("collection.strategy.challenger.share." + segment
                        + ": a percentage from 0 to 100, not " + percent);
            }
        });
        share = Map.copyOf(share);
    }

    double shareOf(String segment) {
        return segment == null ? 0 : share.getOrDefault(segment, 0.0);
    }
}
