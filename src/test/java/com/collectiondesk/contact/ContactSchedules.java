package com.collectiondesk.contact;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.zone.ZoneOffsetTransition;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;

/**
 * Random contact schedules for the property test: a debtor (zones given or derived, opt-outs), the limits in
 * force, the debtor's history over two tickets (inbound replies and calls, sends in doubt, calls started without an
 * outcome yet) and the send asked
 * about. Seeded, so every failure names a schedule that can be replayed.
 */
final class ContactSchedules {

    static final List<String> CHANNELS = List.of("SMS", "EMAIL", "LETTER", "VOICE", "CALL");
    static final List<String> CALL_OUTCOMES = List.of("REACHED", "NO_ANSWER", "WRONG_NUMBER", "PROMISE", "DISPUTE", "REFUSED");
    static final List<ZoneId> ALL_ZONES = new TreeSet<>(ZoneId.getAvailableZoneIds()).stream().map(ZoneId::of).toList();
    private static final Instant MID_JANUARY = Instant.parse("2026-01-15T00:00:00Z");
    private static final int[] JANUARY_OFFSETS = ALL_ZONES.stream()
            .mapToInt(zone -> zone.getRules().getOffset(MID_JANUARY).getTotalSeconds()).toArray();

    record Limits(LocalTime start, LocalTime end, boolean endInclusive, int maxCalls, Duration callPeriod,
                  Duration noCallsAfterConversation, int maxWritten, Duration writtenPeriod) {
    }

    record Debtor(String country, List<ZoneId> zones, boolean derived, boolean ceased, boolean smsOptOut,
                  boolean smsStopped, boolean emailOptOut, boolean unsubscribed, boolean voiceOptOut, boolean zeroBalance) {
    }

    /** One past contact; {@code inDoubt}: only in the outbox (provider may have accepted it, the record was lost). */
    record Past(String channel, boolean inbound, String outcome, Instant at, int ticket, boolean inDoubt) {
    }

    /** {@code countryProfile}: the limits come from a profile for the debtor's country, the default differs. */
    record Schedule(long seed, Limits limits, Limits otherDefault, boolean countryProfile, Debtor debtor,
                    List<Past> history, String channel, Instant now) {
    }

    private ContactSchedules() {
    }

    static Schedule generate(long seed) {
        Random random = new Random(seed);
        Limits limits = limits(random);
        boolean countryProfile = random.nextInt(4) == 0;
        Debtor debtor = debtor(random);
        Instant now = now(random, debtor.zones().get(0));
        List<Past> history = new ArrayList<>();
        int count = random.nextInt(14);
        for (int i = 0; i < count; i++) {
            history.add(past(random, now));
        }
        return new Schedule(seed, limits, countryProfile ? limits(random) : null, countryProfile, debtor, history,
                CHANNELS.get(random.nextInt(CHANNELS.size())), now);
    }

    private static Limits limits(Random random) {
        // mostly a working day's hours, sometimes any range (narrow ones leave zones without common hours)
        int startMinute = random.nextInt(3) == 0 ? random.nextInt(20 * 60) : 6 * 60 + random.nextInt(4 * 60);
        int longest = 24 * 60 - 1 - startMinute;
        int endMinute = startMinute + Math.min(longest, random.nextInt(3) == 0 ? 30 + random.nextInt(longest - 29) : 8 * 60 + random.nextInt(8 * 60));
        return new Limits(LocalTime.ofSecondOfDay(startMinute * 60L), LocalTime.ofSecondOfDay(endMinute * 60L),
                random.nextBoolean(), 1 + random.nextInt(8), Duration.ofHours(24 + random.nextInt(8 * 24)),
                Duration.ofHours(24 + random.nextInt(8 * 24)), 1 + random.nextInt(5), Duration.ofDays(1 + random.nextInt(31)));
    }

    private static Debtor debtor(Random random) {
        ZoneId home = ALL_ZONES.get(random.nextInt(ALL_ZONES.size()));
        boolean derived = random.nextInt(3) == 0;
        List<ZoneId> zones = new ArrayList<>(List.of(home));
        if (derived) {
            Set<ZoneId> candidates = new TreeSet<>(java.util.Comparator.comparing(ZoneId::getId));
            candidates.add(home);
            int extra = 1 + random.nextInt(5);
            int homeOffset = JANUARY_OFFSETS[ALL_ZONES.indexOf(home)];
            // mostly neighbours (a country's zones), sometimes anywhere (an intersection that may be empty)
            int spread = random.nextInt(5) == 0 ? 14 * 3600 : 4 * 3600;
            List<ZoneId> near = new ArrayList<>();
            for (int i = 0; i < ALL_ZONES.size(); i++) {
                if (Math.abs(JANUARY_OFFSETS[i] - homeOffset) <= spread) {
                    near.add(ALL_ZONES.get(i));
                }
            }
            for (int i = 0; i < extra; i++) {
                candidates.add(near.get(random.nextInt(near.size())));
            }
            zones = new ArrayList<>(candidates);
            zones.remove(home);
            zones.add(0, home);
        }
        return new Debtor(random.nextInt(5) == 0 ? "US" : "BG", List.copyOf(zones), derived, chance(random, 30),
                chance(random, 15), chance(random, 30), chance(random, 15), chance(random, 30), chance(random, 15),
                chance(random, 40));
    }

    /** Anywhere in 2020-2035; often within a day and a half of one of the zone's daylight-saving changes. */
    private static Instant now(Random random, ZoneId zone) {
        Instant base = Instant.ofEpochSecond(1_577_836_800L + (long) (random.nextDouble() * 16 * 365 * 86_400L));
        if (random.nextInt(3) == 0) {
            ZoneOffsetTransition next = zone.getRules().nextTransition(base);
            if (next != null && next.getInstant().isBefore(Instant.parse("2036-01-01T00:00:00Z"))) {
                return next.getInstant().plusSeconds(random.nextInt(3 * 86_400) - 129_600L);
            }
        }
        return base;
    }

    private static Past past(Random random, Instant now) {
        long secondsAgo = random.nextInt(3) == 0 ? random.nextInt(2 * 86_400) : random.nextInt(40 * 86_400);
        Instant at = now.minusSeconds(secondsAgo);
        int ticket = 1 + random.nextInt(2);
        int kind = random.nextInt(20);
        if (kind < 2) {
            return new Past("SMS", true, "REPLY", at, ticket, false);
        }
        if (kind < 4) {
            return new Past("CALL", true, CALL_OUTCOMES.get(random.nextInt(CALL_OUTCOMES.size())), at, ticket, false);
        }
        String channel = CHANNELS.get(random.nextInt(CHANNELS.size()));
        if (channel.equals("CALL")) {
            if (random.nextInt(4) == 0) {
                // started through the service, its outcome not given yet: some within the hour it waits, some past it
                return new Past("CALL", false, "STARTED", now.minusSeconds(random.nextInt(2 * 3600)), ticket, false);
            }
            return new Past("CALL", false, CALL_OUTCOMES.get(random.nextInt(CALL_OUTCOMES.size())), at, ticket, false);
        }
        return new Past(channel, false, "SENT", at, ticket, random.nextInt(8) == 0);
    }

    private static boolean chance(Random random, int oneIn) {
        return random.nextInt(oneIn) == 0;
    }
}
