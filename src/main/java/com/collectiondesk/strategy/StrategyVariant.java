package com.collectiondesk.strategy;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Which strategy a ticket follows: the champion ({@code collection-strategy}) or the challenger
 * ({@code collection-strategy-challenger}). A ticket's variant follows from its number alone — the first four bytes
 * of its SHA-256 give a bucket 0–9999, and buckets under share × 100 go to the challenger — so it is the same on any
 * node, in any run, and a share raised from 10 % to 20 % keeps the first 10 %'s tickets with the challenger.
 */
public enum StrategyVariant {
    CHAMPION, CHALLENGER;

    static final int BUCKETS = 10_000;

    static int bucketOf(String ticketNumber) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(ticketNumber.getBytes(StandardCharsets.UTF_8));
            int first = ((hash[0] & 0xff) << 24) | ((hash[1] & 0xff) << 16) | ((hash[2] & 0xff) << 8) | (hash[3] & 0xff);
            return Integer.remainderUnsigned(first, BUCKETS);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    /** Why a ticket has its variant, as its timeline and its detail say it. */
    static String why(String variant, int bucket, double sharePercent, String segment) {
        return variant + ": bucket " + bucket + " of " + BUCKETS + ", challenger share " + sharePercent + " % for segment " + segment;
    }

    static StrategyVariant of(int bucket, double sharePercent) {
        return bucket < Math.round(sharePercent * BUCKETS / 100) ? CHALLENGER : CHAMPION;
    }
}
