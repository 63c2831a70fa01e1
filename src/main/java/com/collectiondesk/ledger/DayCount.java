package com.collectiondesk.ledger;

/** The day-count convention: actual days between the dates, over a year of 365 or of 360 days. */
public enum DayCount {
    ACT_365(365), ACT_360(360);

    private final int yearDays;

    DayCount(int yearDays) {
        this.yearDays = yearDays;
    }

    int yearDays() {
        return yearDays;
    }

    /** As written in the charge: {@code ACT/365}. */
    String label() {
        return name().replace('_', '/');
    }
}
