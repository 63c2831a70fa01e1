package com.collectiondesk.security.edge;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

/**
 * Counts wrong passwords per (client address, account) and per account, in memory, and says how long a caller
 * must wait before the next try. It never locks anyone out for good: every wait ends, and a restart forgets all.
 * Account ids are compared case-insensitively so that spelling variants share one count.
 */
final class LoginThrottle {

    private static final int MAX_TRACKED = 100_000;

    private record Failures(int count, Instant waitUntil) {
    }

    private final LoginThrottleSettings settings;
    private final Clock clock;
    private final Cache<String, Failures> byClientAndAccount;
    private final Cache<String, Failures> byAccount;

    LoginThrottle(LoginThrottleSettings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
        this.byClientAndAccount = newCache(settings);
        this.byAccount = newCache(settings);
    }

    private static Cache<String, Failures> newCache(LoginThrottleSettings settings) {
        return Caffeine.newBuilder().maximumSize(MAX_TRACKED).expireAfterWrite(settings.memory()).build();
    }

    /** How long this client must wait before it may try this account again; zero when it may try now. */
    Duration waitBefore(String client, String account) {
        Instant now = clock.instant();
        Duration wait = remaining(byClientAndAccount.getIfPresent(pairKey(client, account)), now);
        Duration accountWait = remaining(byAccount.getIfPresent(accountKey(account)), now);
        return wait.compareTo(accountWait) >= 0 ? wait : accountWait;
    }

    void failed(String client, String account) {
        Instant now = clock.instant();
        byClientAndAccount.asMap().compute(pairKey(client, account), (key, failures) -> next(failures, settings.freeFailures(), now));
        byAccount.asMap().compute(accountKey(account), (key, failures) -> next(failures, settings.accountFreeFailures(), now));
    }

    void succeeded(String client, String account) {
        byClientAndAccount.invalidate(pairKey(client, account));
        byAccount.invalidate(accountKey(account));
    }

    private Failures next(Failures failures, int free, Instant now) {
        int count = failures == null ? 1 : failures.count() + 1;
        return new Failures(count, now.plus(settings.delayAfter(count, free)));
    }

    private static Duration remaining(Failures failures, Instant now) {
        if (failures == null || !failures.waitUntil().isAfter(now)) {
            return Duration.ZERO;
        }
        return Duration.between(now, failures.waitUntil());
    }

    private static String accountKey(String account) {
        return account.toLowerCase(Locale.ROOT);
    }

    private static String pairKey(String client, String account) {
        return client + '\n' + accountKey(account);
    }
}
