package com.collectiondesk.worklist;

import com.collectiondesk.contact.CallWindows;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Every {@code collection.worklist.call-window-refresh} (5 minutes) the open call tasks' "callable now / next
 * callable at" is brought up to date, so cards and forms follow the clock through the debtor's hours. Runs
 * where jobs run (not in tests, which call {@link CallWindows#refreshAll()} themselves); on several nodes each
 * refreshes, and a task changes only when its window did.
 */
@Component
@ConditionalOnProperty(name = "camunda.bpm.job-execution.enabled", havingValue = "true", matchIfMissing = true)
class CallWindowSchedule {

    private static final Logger LOG = LoggerFactory.getLogger(CallWindowSchedule.class);

    private final CallWindows windows;

    CallWindowSchedule(CallWindows windows) {
        this.windows = windows;
    }

    @Scheduled(fixedDelayString = "${collection.worklist.call-window-refresh:PT5M}",
            initialDelayString = "${collection.worklist.call-window-refresh:PT5M}")
    void refresh() {
        int changed = windows.refreshAll();
        if (changed > 0) {
            LOG.info("Call windows refreshed on {} open call tasks", changed);
        }
    }
}
