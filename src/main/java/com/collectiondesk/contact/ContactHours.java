package com.collectiondesk.contact;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.List;

/**
 * Contact hours that must hold on every clock the debtor may be reading: one zone when it is known, all
 * candidate zones when it was derived. A moment is inside when each zone's wall-clock time is inside the hours,
 * so across a daylight-saving change the hours follow the clock on the debtor's wall.
 */
final class ContactHours {

    private static final Duration WINDOW = Duration.ofDays(3);

    private final ContactPolicySettings.Hours hours;
    private final List<ZoneId> zones;

    ContactHours(ContactPolicySettings.Hours hours, List<ZoneId> zones) {
        this.hours = hours;
        this.zones = zones;
    }

    boolean contains(Instant moment) {
        return zones.stream().allMatch(zone -> inside(zone, moment));
    }

    /** The first moment at or after {@code from}, and not after {@code limit}, inside the hours in every zone; else null. */
    Instant firstOpenAt(Instant from, Instant limit) {
        Instant moment = from;
        while (!moment.isAfter(limit)) {
            Instant next = moment;
            for (ZoneId zone : zones) {
                if (!inside(zone, moment)) {
                    next = nextOpening(zone, moment);
                    break;
                }
            }
            if (next == null) {
                return null;
            }
            if (next.equals(moment)) {
                return moment;
            }
            moment = next;
        }
        return null;
    }

    private boolean inside(ZoneId zone, Instant moment) {
        return hours.contains(moment.atZone(zone).toLocalTime());
    }

    /**
     * The first moment after {@code after} inside the hours in this zone, or null if none within a year. Inside
     * can only begin where the clock reaches the start (twice on a repeated hour) or where the clock jumps (a
     * daylight-saving change, e.g. over a start that falls into a skipped hour), so only those moments are tried,
     * three days at a time.
     */
    private Instant nextOpening(ZoneId zone, Instant after) {
        ZoneRules rules = zone.getRules();
        for (Instant from = after; from.isBefore(after.plus(Duration.ofDays(366))); from = from.plus(WINDOW)) {
            Instant to = from.plus(WINDOW);
            Instant best = null;
            LocalDate last = to.atZone(zone).toLocalDate().plusDays(1);
            for (LocalDate day = from.atZone(zone).toLocalDate().minusDays(1); !day.isAfter(last); day = day.plusDays(1)) {
                LocalDateTime start = day.atTime(hours.start());
                for (ZoneOffset offset : rules.getValidOffsets(start)) {
                    best = earlier(best, start.toInstant(offset), zone, after);
                }
            }
            for (ZoneOffsetTransition change = rules.nextTransition(from); change != null && !change.getInstant().isAfter(to);
                 change = rules.nextTransition(change.getInstant())) {
                best = earlier(best, change.getInstant(), zone, after);
            }
            if (best != null && !best.isAfter(to)) {
                return best;
            }
        }
        return null;
    }

    private Instant earlier(Instant best, Instant candidate, ZoneId zone, Instant after) {
        if (candidate.isAfter(after) && inside(zone, candidate) && (best == null || candidate.isBefore(best))) {
            return candidate;
        }
        return best;
    }
}
