package com.collectiondesk.ticket;

import com.collectiondesk.system.BusinessClock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.springframework.stereotype.Component;

/** Steps run at the start of the send window, in the debtor's own time zone. */
@Component
public class SendWindow {

    private final TicketSettings settings;
    private final BusinessClock clock;

    SendWindow(TicketSettings settings, BusinessClock clock) {
        this.settings = settings;
        this.clock = clock;
    }

    public Instant startOn(LocalDate day, ZoneId zone) {
        return day.atTime(settings.sendWindowStart()).atZone(zone).toInstant();
    }

    /** The planned time if it is still ahead, else the next send window from now. */
    public Instant notBeforeNextWindow(Instant planned, ZoneId zone) {
        Instant now = clock.now();
        if (!planned.isBefore(now)) {
            return planned;
        }
        Instant today = startOn(clock.todayIn(zone), zone);
        return today.isBefore(now) ? startOn(clock.todayIn(zone).plusDays(1), zone) : today;
    }
}
