package com.collectiondesk.contact;

import com.collectiondesk.ledger.Customer;
import com.collectiondesk.ledger.LedgerQueries.DebtorFacts;
import com.collectiondesk.outreach.Channel;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * The contact rules as a pure function of the debtor, their whole contact history (all tickets) and the moment:
 * allowed, postponed to the first moment every rule allows, or skipped. No database, no clock: the property test
 * runs it against an independent oracle.
 */
final class ContactRules {

    static final Predicate<Channel> CALLS = Channel::spoken;
    static final Predicate<Channel> WRITTEN = Channel::written;
    /** Messages (not a collector's calls): at most one per channel and local day, covering all the debtor's tickets. */
    static final Predicate<Channel> ONE_A_DAY = Channel::automated;
    /** Call outcomes that mean we spoke with the debtor. */
    static final Set<String> CONVERSATIONS = Set.of("REACHED", "PROMISE", "DISPUTE", "REFUSED");
    /** Outcome of a call started through the service whose outcome the call form has not given yet. */
    static final String STARTED = "STARTED";
    /**
     * How long a started call waits for its outcome. Until then it may be a conversation: other calls to the
     * debtor (another collector, another ticket) are refused as if it were one; later a completion is a new call.
     */
    static final Duration STARTED_CALL_LASTS = Duration.ofHours(1);
    /** Contact hours are looked for this far ahead; none in it means the zones share no hours. */
    static final Duration HOURS_HORIZON = Duration.ofDays(14);

    /** A budget rule: refused while {@code freeAt} is after the moment asked about. */
    private record Limit(String rule, Instant freeAt, String inputs) {
    }

    private final ContactPolicySettings settings;

    ContactRules(ContactPolicySettings settings) {
        this.settings = settings;
    }

    /** Letters go into the print batch at any time; every other channel reaches the debtor when sent. */
    static boolean timed(Channel channel) {
        return channel.timed();
    }

    /** How far back the history must reach for the debtor's profile. */
    Duration lookback(DebtorFacts debtor) {
        var profile = settings.profileFor(debtor.country());
        return List.of(profile.callPeriod(), profile.noCallsAfterConversation(), profile.writtenPeriod(), Duration.ofDays(2))
                .stream().max(Comparator.naturalOrder()).orElseThrow();
    }

    ContactDecision decide(DebtorFacts debtor, BigDecimal overdue, String currency, Channel channel, Instant now,
                           List<PastContact> history) {
        return decide(debtor, overdue, currency, channel, now, history, null);
    }

    /**
     * As above, inside the debtor's preferred time of day where it overlaps the lawful hours and has a moment within
     * the horizon (else the lawful hours alone): a preference moves a contact later, never outside the law.
     */
    ContactDecision decide(DebtorFacts debtor, BigDecimal overdue, String currency, Channel channel, Instant now,
                           List<PastContact> history, ContactPreference.TimeOfDay preferred) {
        if (debtor.ceasedCommunication()) {
            return skipped("ceased communication", "customer asked us to stop all contact");
        }
        if (overdue.compareTo(BigDecimal.ZERO) <= 0) {
            return skipped("zero balance", "overdue " + overdue + " " + currency);
        }
        if (channel == Channel.SMS && debtor.refusesSms()) {
            return skipped("sms opt-out", debtor.smsStoppedAt() != null
                    ? "the debtor replied STOP at " + debtor.smsStoppedAt() : "opted out of SMS in the ERP");
        }
        if (channel == Channel.EMAIL && debtor.refusesEmail()) {
            return skipped("email opt-out", debtor.emailUnsubscribedAt() != null
                    ? "the debtor unsubscribed at " + debtor.emailUnsubscribedAt() : "opted out of email in the ERP");
        }
        if (channel == Channel.VOICE && debtor.voiceOptOut()) {
            return skipped("voice opt-out", "opted out of automated calls in the ERP");
        }
        var profile = settings.profileFor(debtor.country());
        List<ZoneId> zones = debtor.contactZones();
        ContactHours lawful = new ContactHours(profile.hours(), zones);
        String where = where(debtor, zones, profile, now);
        boolean timed = timed(channel);
        ContactPolicySettings.Hours wished = preferred == null ? null : preferred.within(profile.hours());
        ContactHours hours = lawful;
        if (timed && wished != null && new ContactHours(wished, zones).firstOpenAt(now, now.plus(HOURS_HORIZON)) != null) {
            hours = new ContactHours(wished, zones);
            where += "; the debtor prefers the " + preferred.name().toLowerCase(java.util.Locale.ROOT) + " (" + wished + ")";
        }
        if (timed && hours.firstOpenAt(now, now.plus(HOURS_HORIZON)) == null) {
            return skipped("no common contact hours", "no moment in the next " + HOURS_HORIZON.toDays()
                    + " days is inside the hours in every candidate zone; " + where);
        }
        List<Limit> limits = limits(channel, profile, zones, history, now);
        Limit refusing = limits.stream().filter(limit -> limit.freeAt().isAfter(now)).findFirst().orElse(null);
        if (refusing == null && (!timed || hours.contains(now))) {
            return ContactDecision.allowed(where);
        }
        Instant free = limits.stream().map(Limit::freeAt).filter(now::isBefore).max(Comparator.naturalOrder()).orElse(now);
        Instant retryAt = timed ? hours.firstOpenAt(free, free.plus(HOURS_HORIZON)) : free;
        if (retryAt == null) {
            return skipped("no common contact hours", "no moment in the " + HOURS_HORIZON.toDays() + " days after "
                    + free + " is inside the hours in every candidate zone; " + where);
        }
        String hoursRule = hours != lawful && lawful.contains(now) ? "the debtor's preferred time of day" : "contact hours";
        return refusing == null ? postponed(hoursRule, retryAt, where)
                : postponed(refusing.rule(), retryAt, refusing.inputs() + "; " + where);
    }

    /** The budget rules for the channel, in the order they are reported. */
    private static List<Limit> limits(Channel channel, ContactPolicySettings.Profile profile, List<ZoneId> zones,
                                      List<PastContact> history, Instant now) {
        List<Limit> limits = new ArrayList<>();
        if (CALLS.test(channel)) {
            String pause = "no calls within " + span(profile.noCallsAfterConversation()) + " of a conversation";
            history.stream().filter(past -> CALLS.test(past.channel()) && CONVERSATIONS.contains(past.outcome()))
                    .map(PastContact::at).max(Comparator.naturalOrder())
                    .ifPresent(spoke -> limits.add(new Limit(pause, spoke.plus(profile.noCallsAfterConversation()),
                            "conversation at " + spoke)));
            limits.add(cap(history, CALLS, profile.maxCalls(), profile.callPeriod(), now, "calls"));
            // after the cap: when both refuse, the cap is what the collector is told (it lasts longer)
            history.stream().filter(past -> CALLS.test(past.channel()) && STARTED.equals(past.outcome()))
                    .map(PastContact::at).filter(started -> started.plus(STARTED_CALL_LASTS).isAfter(now))
                    .max(Comparator.naturalOrder())
                    .ifPresent(started -> limits.add(new Limit(pause, started.plus(STARTED_CALL_LASTS), "a call started at "
                            + started + " has no outcome yet and counts as a conversation until it has one or until "
                            + started.plus(STARTED_CALL_LASTS))));
        }
        if (WRITTEN.test(channel)) {
            limits.add(cap(history, WRITTEN, profile.maxWritten(), profile.writtenPeriod(), now, "written reminders"));
        }
        if (ONE_A_DAY.test(channel)) {
            history.stream().filter(past -> !past.inbound() && past.channel() == channel).map(PastContact::at)
                    .max(Comparator.naturalOrder()).ifPresent(last -> limits.add(new Limit("one " + channel + " a day",
                            zones.stream().map(zone -> last.atZone(zone).toLocalDate().plusDays(1).atStartOfDay(zone).toInstant())
                                    .max(Comparator.naturalOrder()).orElseThrow(),
                            "last " + channel + " at " + last + ", a new local day in every candidate zone")));
        }
        return limits.stream().filter(Objects::nonNull).toList();
    }

    /** At most {@code max} outbound contacts on these channels in any {@code period}; null when under it. */
    private static Limit cap(List<PastContact> history, Predicate<Channel> channels, int max, Duration period, Instant now, String what) {
        List<Instant> inPeriod = history.stream().filter(past -> !past.inbound() && channels.test(past.channel()))
                .map(PastContact::at).filter(at -> at.isAfter(now.minus(period))).sorted().toList();
        if (inPeriod.size() < max) {
            return null;
        }
        return new Limit("at most " + max + " " + what + " in " + span(period),
                inPeriod.get(inPeriod.size() - max).plus(period),
                inPeriod.size() + " " + what + " since " + now.minus(period) + " over all the debtor's tickets");
    }

    private static String where(DebtorFacts debtor, List<ZoneId> zones, ContactPolicySettings.Profile profile, Instant now) {
        ZoneId zone = debtor.zone();
        String where = "local time " + now.atZone(zone).toLocalDateTime().withNano(0) + " " + zone + ", allowed "
                + profile.hours() + (debtor.country() == null ? "" : " (" + debtor.country() + ")")
                + ("house rules".equals(profile.source()) ? "" : ", profile " + profile.source());
        if (zones.size() > 1) {
            where += "; time zone derived, the hours must hold in all " + zones.size() + " candidate zones: "
                    + zones.stream().limit(8).map(ZoneId::getId).collect(Collectors.joining(", "))
                    + (zones.size() > 8 ? " and " + (zones.size() - 8) + " more" : "");
        }
        return where;
    }

    private static String span(Duration period) {
        return period.toHours() % 24 == 0 ? period.toDays() + " days" : period.toHours() + " hours";
    }

    private static ContactDecision skipped(String rule, String inputs) {
        return new ContactDecision(ContactDecision.Verdict.SKIPPED, rule, null, inputs);
    }

    private static ContactDecision postponed(String rule, Instant retryAt, String inputs) {
        return new ContactDecision(ContactDecision.Verdict.POSTPONED, rule, retryAt, inputs);
    }
}
