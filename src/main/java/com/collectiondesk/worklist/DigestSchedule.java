package com.collectiondesk.worklist;

import org.springframework.stereotype.Component;

/** The digest's timer start event reads its cron here: {@code ${digestSchedule.cron}} ({@code collection.digest.cron}). */
@Component("digestSchedule")
public class DigestSchedule {

    private final String cron;

    DigestSchedule(DigestSettings settings) {
        this.cron = settings.cron();
    }

    public String getCron() {
        return cron;
    }
}
