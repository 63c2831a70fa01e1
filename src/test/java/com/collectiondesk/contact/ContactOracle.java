package com.collectiondesk.contact;

import com.collectiondesk.contact.ContactSchedules.Limits;
import com.collectiondesk.contact.ContactSchedules.Past;
import com.collectiondesk.contact.ContactSchedules.Schedule;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.zone.ZoneOffsetTransition;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The contact rules written a second time, straight from the issue and the regulations, sharing no code with
 * the policy: each rule is evaluated directly at an instant, and the next allowed moment is found by walking
 * forward over candidate instants and the debtors' clocks.
 */
final class ContactOracle {

    enum Rule { NONE, CEASED, ZERO_BALANCE, SMS_OPT_OUT, EMAIL_OPT_OUT, VOICE_OPT_OUT, NO_COMMON_HOURS,
        CONVERSATION_PAUSE, CALL_CAP, WRITTEN_CAP, ONE_A_DAY, CONTACT_HOURS }

    enum Verdict { ALLOWED, POSTPONED, SKIPPED }

    record Answer(Verdict verdict, Rule rule, Instant retryAt) {
    }

    private static final Set<String> PHONE_CALLS = Set.of("CALL", "VOICE");
    private static final Set<String> LETTERS_AND_TEXTS = Set.of("SMS", "EMAIL", "LETTER");
    private static final Set<String> MESSAGES = Set.of("SMS", "EMAIL", "LETTER", "VOICE");
    private static final Set<String> SPOKE = Set.of("REACHED", "PROMISE", "DISPUTE", "REFUSED");
    /** README: a call started through the service may be a conversation until its outcome comes, at most an hour. */
    private static final String NO_OUTCOME_YET = "STARTED";
    private static final Duration OUTCOME_AWAITED = Duration.ofHours(1);
    private static final Duration HORIZON = Duration.ofDays(14);

    private final Schedule schedule;
    private final Limits limits;

    ContactOracle(Schedule schedule) {
        this.schedule = schedule;
        this.limits = schedule.limits();
    }

    Answer answer() {
        return answerAt(schedule.now());
    }

    Answer answerAt(Instant now) {
        var debtor = schedule.debtor();
        String channel = schedule.channel();
        if (debtor.ceased()) {
            return new Answer(Verdict.SKIPPED, Rule.CEASED, null);
        }
        if (debtor.zeroBalance()) {
            return new Answer(Verdict.SKIPPED, Rule.ZERO_BALANCE, null);
        }
        if (channel.equals("SMS") && (debtor.smsOptOut() || debtor.smsStopped())) {
            return new Answer(Verdict.SKIPPED, Rule.SMS_OPT_OUT, null);
        }
        if (channel.equals("EMAIL") && (debtor.emailOptOut() || debtor.unsubscribed())) {
            return new Answer(Verdict.SKIPPED, Rule.EMAIL_OPT_OUT, null);
        }
        if (channel.equals("VOICE") && debtor.voiceOptOut()) {
            return new Answer(Verdict.SKIPPED, Rule.VOICE_OPT_OUT, null);
        }
        boolean timed = !channel.equals("LETTER");
        if (timed && firstInsideHours(now) == null) {
            return new Answer(Verdict.SKIPPED, Rule.NO_COMMON_HOURS, null);
        }
        Rule failing = failingAt(now);
        if (failing == Rule.NONE) {
            return new Answer(Verdict.ALLOWED, Rule.NONE, null);
        }
        Instant budgetsFree = firstWithinBudgets(now);
        Instant retry = timed ? firstInsideHours(budgetsFree) : budgetsFree;
        return retry == null ? new Answer(Verdict.SKIPPED, Rule.NO_COMMON_HOURS, null)
                : new Answer(Verdict.POSTPONED, failing, retry);
    }

    Rule failingAt(Instant t) {
        Rule budget = budgetFailingAt(t);
        if (budget != Rule.NONE) {
            return budget;
        }
        return !schedule.channel().equals("LETTER") && !insideHoursEverywhere(t) ? Rule.CONTACT_HOURS : Rule.NONE;
    }

    private Rule budgetFailingAt(Instant t) {
        String channel = schedule.channel();
        if (PHONE_CALLS.contains(channel)) {
            for (Past past : schedule.history()) {
                if (PHONE_CALLS.contains(past.channel()) && SPOKE.contains(past.outcome())
                        && past.at().isAfter(t.minus(limits.noCallsAfterConversation()))) {
                    return Rule.CONVERSATION_PAUSE;
                }
            }
            if (outboundSince(PHONE_CALLS, t.minus(limits.callPeriod())) >= limits.maxCalls()) {
                return Rule.CALL_CAP;
            }
            // a call without its outcome yet may have been a conversation (named after the cap when both hold)
            for (Past past : schedule.history()) {
                if (PHONE_CALLS.contains(past.channel()) && !past.inbound() && NO_OUTCOME_YET.equals(past.outcome())
                        && past.at().isAfter(t.minus(OUTCOME_AWAITED))) {
                    return Rule.CONVERSATION_PAUSE;
                }
            }
        }
        if (LETTERS_AND_TEXTS.contains(channel) && outboundSince(LETTERS_AND_TEXTS, t.minus(limits.writtenPeriod())) >= limits.maxWritten()) {
            return Rule.WRITTEN_CAP;
        }
        if (MESSAGES.contains(channel)) {
            for (Past past : schedule.history()) {
                if (!past.inbound() && past.channel().equals(channel)) {
                    for (ZoneId zone : schedule.debtor().zones()) {
                        if (past.at().atZone(zone).toLocalDate().equals(t.atZone(zone).toLocalDate())) {
                            return Rule.ONE_A_DAY;
                        }
                    }
                }
            }
        }
        return Rule.NONE;
    }

    private long outboundSince(Set<String> channels, Instant after) {
        return schedule.history().stream().filter(past -> !past.inbound() && channels.contains(past.channel()))
                .filter(past -> past.at().isAfter(after)).count();
    }

    /** Budgets only ever free up as time passes: the first candidate at which all pass is the first such moment. */
    private Instant firstWithinBudgets(Instant now) {
        List<Instant> candidates = new ArrayList<>(List.of(now));
        for (Past past : schedule.history()) {
            candidates.add(past.at().plus(limits.noCallsAfterConversation()));
            candidates.add(past.at().plus(OUTCOME_AWAITED));
            candidates.add(past.at().plus(limits.callPeriod()));
            candidates.add(past.at().plus(limits.writtenPeriod()));
            for (ZoneId zone : schedule.debtor().zones()) {
                candidates.add(past.at().atZone(zone).toLocalDate().plusDays(1).atStartOfDay(zone).toInstant());
            }
        }
        return candidates.stream().filter(t -> !t.isBefore(now)).sorted()
                .filter(t -> budgetFailingAt(t) == Rule.NONE).findFirst().orElseThrow();
    }

    boolean insideHoursEverywhere(Instant t) {
        return schedule.debtor().zones().stream().allMatch(zone -> insideHours(zone, t));
    }

    private boolean insideHours(ZoneId zone, Instant t) {
        LocalTime wall = t.atZone(zone).toLocalTime();
        if (wall.isBefore(limits.start())) {
            return false;
        }
        return limits.endInclusive() ? !wall.isAfter(limits.end()) : wall.isBefore(limits.end());
    }

    /**
     * Walks forward from {@code from}: while some zone is outside its hours, jumps to the latest of those zones'
     * earliest possible openings (its clock reaching the start at the current offset, or its next offset change).
     */
    private Instant firstInsideHours(Instant from) {
        Instant t = from;
        Instant limit = from.plus(HORIZON);
        while (!t.isAfter(limit)) {
            Instant jump = null;
            for (ZoneId zone : schedule.debtor().zones()) {
                if (!insideHours(zone, t)) {
                    Instant opening = earliestPossibleOpening(zone, t);
                    jump = jump == null || opening.isAfter(jump) ? opening : jump;
                }
            }
            if (jump == null) {
                return t;
            }
            t = jump;
        }
        return null;
    }

    private Instant earliestPossibleOpening(ZoneId zone, Instant t) {
        long offset = zone.getRules().getOffset(t).getTotalSeconds();
        long wallSecond = Math.floorMod(t.getEpochSecond() + offset, 86_400L);
        long untilStart = Math.floorMod(limits.start().toSecondOfDay() - wallSecond, 86_400L);
        Instant byClock = t.plusSeconds(untilStart == 0 ? 86_400 : untilStart).minusNanos(t.getNano());
        ZoneOffsetTransition change = zone.getRules().nextTransition(t);
        return change != null && change.getInstant().isBefore(byClock) ? change.getInstant() : byClock;
    }
}
