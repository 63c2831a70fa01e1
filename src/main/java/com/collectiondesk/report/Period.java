package com.collectiondesk.report;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/** A reporting period of whole business days, both ends included. */
record Period(LocalDate from, LocalDate to) {

    long days() {
        return ChronoUnit.DAYS.between(from, to) + 1;
    }
}
