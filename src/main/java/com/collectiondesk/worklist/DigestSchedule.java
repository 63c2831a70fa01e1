package com.collectiondesk.worklist;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** The digest's timer start event reads its cron here: {@code ${digestSchedule.cron}} ({@code collection.digest.cron}). */
@Component("digestSchedule")
public class DigestSchedule {

    private final String cron;

    DigestSchedule(@Value("${collection.digest.cron:0 0 7 * * ?}") String cron) {
        this.cron = cron;
    }

    public String getCron() {
        return cron;
    }
}
