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

    /**
     * The planned time if it is still ahead; a step planned for today (the opening day's day-0 step, or the next one
     * on the same day) whose window has begun runs now, since today is a working day (the contact policy still
     * decides the hour); a step of an earlier day runs at the next send window from now.
     */
    public Instant notBeforeNextWindow(Instant planned, ZoneId zone) {
        Instant now = clock.now();
        if (!planned.isBefore(now)) {
            return planned;
        }
        LocalDate today = clock.todayIn(zone);
        if (LocalDate.ofInstant(planned, zone).equals(today)) {
            return now;
        }
        Instant todaysWindow = startOn(today, zone);
        return todaysWindow.isBefore(now) ? startOn(today.plusDays(1), zone) : todaysWindow;
    }
}
