package com.collectiondesk.contact;

import com.collectiondesk.outreach.Channel;
import java.time.LocalTime;

/** A debtor's wish: a channel and a time of day, each may be null (no preference). */
public record ContactPreference(Channel channel, TimeOfDay time) {

    /** The windows a debtor may prefer, on their own wall clock; only their overlap with the lawful hours is used. */
    public enum TimeOfDay {
        MORNING(LocalTime.of(8, 0), LocalTime.of(12, 0)),
        AFTERNOON(LocalTime.of(12, 0), LocalTime.of(17, 0)),
        EVENING(LocalTime.of(17, 0), LocalTime.of(21, 0));

        private final LocalTime start;
        private final LocalTime end;

        TimeOfDay(LocalTime start, LocalTime end) {
            this.start = start;
            this.end = end;
        }

        /** This window inside the lawful hours; null when they do not overlap. */
        ContactPolicySettings.Hours within(ContactPolicySettings.Hours lawful) {
            LocalTime from = start.isAfter(lawful.start()) ? start : lawful.start();
            boolean lawfulEndsFirst = !lawful.end().isAfter(end);
            LocalTime to = lawfulEndsFirst ? lawful.end() : end;
            return from.isBefore(to) ? new ContactPolicySettings.Hours(from, to, lawfulEndsFirst && lawful.endInclusive()) : null;
        }
    }
}
