package com.collectiondesk.ticket;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The engine's clock, so that timers, due dates and the business date always agree (process tests move
 * it with {@code ClockUtil}).
 */
@Component
class TicketClock {

    private final ZoneId businessZone;

    TicketClock(@Value("${collection.business-zone:Europe/Sofia}") ZoneId businessZone) {
        this.businessZone = businessZone;
    }

    Instant now() {
        return ClockUtil.getCurrentTime().toInstant();
    }

    /** The business date: today in the business's time zone. */
    LocalDate today() {
        return LocalDate.ofInstant(now(), businessZone);
    }

    LocalDate todayIn(ZoneId zone) {
        return LocalDate.ofInstant(now(), zone);
    }
}
