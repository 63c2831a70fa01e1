package com.collectiondesk.scan;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** The scan's timer start event reads its cron here: {@code ${scanSchedule.cron}} ({@code collection.scan.cron}). */
@Component("scanSchedule")
public class ScanSchedule {

    private final String cron;

    ScanSchedule(@Value("${collection.scan.cron:0 0 6 * * ?}") String cron) {
        this.cron = cron;
    }

    public String getCron() {
        return cron;
    }
}
