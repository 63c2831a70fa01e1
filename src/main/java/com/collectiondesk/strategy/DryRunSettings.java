package com.collectiondesk.strategy;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code collection.strategy.dry-run.warm-up-tickets}: after a start the dry-run is run once in the background over
 * this many made-up tickets (0: not), so that the first real one is as quick as the next. README, "Dry-run".
 */
@ConfigurationProperties("collection.strategy.dry-run")
public record DryRunSettings(@DefaultValue("20000") int warmUpTickets) {

    public DryRunSettings {
        if (warmUpTickets < 0) {
            throw new IllegalArgumentException("collection.strategy.dry-run.warm-up-tickets: 0 or more, not " + warmUpTickets);
        }
    }
}
