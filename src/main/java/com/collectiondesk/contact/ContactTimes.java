package com.collectiondesk.contact;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;

/** A contact's moment as collectors read it: in the business's zone, with the debtor's local time beside it. */
final class ContactTimes {

    private static final DateTimeFormatter DAY_AND_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

    private ContactTimes() {
    }

    /** "2026-03-02 14:05 Europe/Sofia (debtor's time 07:05 America/New_York)"; the debtor's date only when it differs. */
    static String line(Instant at, ZoneId businessZone, ZoneId debtorZone) {
        ZonedDateTime business = at.atZone(businessZone);
        String text = DAY_AND_TIME.format(business) + " " + businessZone.getId();
        if (debtorZone == null || debtorZone.getRules().equals(businessZone.getRules())) {
            return text;
        }
        ZonedDateTime debtor = at.atZone(debtorZone);
        boolean sameDay = LocalDate.from(debtor).equals(LocalDate.from(business));
        return text + " (debtor's time " + (sameDay ? TIME : DAY_AND_TIME).format(debtor) + " " + debtorZone.getId() + ")";
    }
}
