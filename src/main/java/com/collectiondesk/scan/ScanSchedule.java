package com.collectiondesk.scan;

import org.springframework.stereotype.Component;

/** The scan's timer start event reads its cron here: {@code ${scanSchedule.cron}} ({@code collection.scan.cron}). */
@Component("scanSchedule")
public class ScanSchedule {

    private final String cron;

    ScanSchedule(ScanSettings settings) {
        this.cron = settings.cron();
    }

    public String getCron() {
        return cron;
    }
}
