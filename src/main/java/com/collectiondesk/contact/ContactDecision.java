package com.collectiondesk.contact;

import java.time.Instant;

/**
 * The contact policy's answer for one channel now: allowed, postponed to {@code retryAt}, or skipped; with
 * the rule that decided and the inputs it looked at, as written to the ticket's timeline.
 */
record ContactDecision(Verdict verdict, String rule, Instant retryAt, String inputs) {

    enum Verdict { ALLOWED, POSTPONED, SKIPPED }

    static ContactDecision allowed(String inputs) {
        return new ContactDecision(Verdict.ALLOWED, "all rules passed", null, inputs);
    }

    boolean isAllowed() {
        return verdict == Verdict.ALLOWED;
    }

    String describe(com.collectiondesk.outreach.Channel channel) {
        return channel + " " + verdict + " by rule '" + rule + "'" + (retryAt == null ? "" : " until " + retryAt)
                + "; inputs: " + inputs;
    }
}
