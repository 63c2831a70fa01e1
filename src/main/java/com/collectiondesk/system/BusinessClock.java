package com.collectiondesk.system;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/**
 * The one clock of the service: the engine's, so that timers, due dates, days past due, reports and sends all
 * agree (process tests move it with {@code ClockUtil}); business dates are days in {@code collection.business-zone}.
 */
@Component
public class BusinessClock {

    private final ZoneId zone;

    public BusinessClock(BusinessZone settings) {
        this.zone = settings.businessZone();
    }

    public Instant now() {
        return ClockUtil.getCurrentTime().toInstant();
    }

    /** The business date: today in the business's time zone. */
    public LocalDate today() {
        return todayIn(zone);
    }

    public LocalDate todayIn(ZoneId other) {
        return LocalDate.ofInstant(now(), other);
    }

    public ZoneId zone() {
        return zone;
    }
}
