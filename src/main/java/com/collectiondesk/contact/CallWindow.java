package com.collectiondesk.contact;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Whether the debtor may be phoned at one moment, and if not, by which rule and from when on (null: not
 * until something changes, e.g. ceased communication). Shown on the call form and the task card.
 */
public record CallWindow(boolean callable, String rule, Instant nextCallableAt, ZoneId debtorZone, Instant at) {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.ENGLISH);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE dd MMM", Locale.ENGLISH);

    static CallWindow of(ContactDecision decision, ZoneId debtorZone, Instant at) {
        return new CallWindow(decision.isAllowed(), decision.rule(), decision.isAllowed() ? null : decision.retryAt(),
                debtorZone, at);
    }

    /** "Callable now", "Next callable at 08:00 (debtor's time, Europe/Sofia): contact hours" or "Not callable: …". */
    public String describe() {
        if (callable) {
            return "Callable now";
        }
        if (nextCallableAt == null) {
            return "Not callable: " + rule;
        }
        return "Next callable at " + nextCallableLocal() + " (debtor's time, " + debtorZone + "): " + rule;
    }

    /** HH:mm in the debtor's zone, with the day when it is not the debtor's today. */
    public String nextCallableLocal() {
        if (nextCallableAt == null) {
            return null;
        }
        ZonedDateTime next = nextCallableAt.atZone(debtorZone);
        LocalDate today = LocalDate.ofInstant(at, debtorZone);
        return TIME.format(next) + (next.toLocalDate().equals(today) ? "" : " on " + DAY.format(next));
    }
}
