package com.collectiondesk.report;

import com.collectiondesk.system.BusinessClock;
import com.collectiondesk.system.DpdBuckets;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Business dates for reports: today in {@code collection.business-zone} on the engine's clock (as the tickets
 * use it), day boundaries as timestamps, and the DPD buckets of {@code collection.tickets.buckets}, labelled by
 * {@link DpdBuckets} as the tickets are ("current", "1-30", …, "120+").
 */
@Component
class BusinessCalendar {

    private final BusinessClock clock;
    private final ZoneId zone;
    private final DpdBuckets buckets;

    BusinessCalendar(BusinessClock clock, DpdBuckets buckets) {
        this.clock = clock;
        this.zone = clock.zone();
        this.buckets = buckets;
    }

    LocalDate today() {
        return clock.today();
    }

    Timestamp now() {
        return Timestamp.from(clock.now());
    }

    LocalDate monthStart() {
        return today().withDayOfMonth(1);
    }

    LocalDate monthEnd() {
        return today().with(TemporalAdjusters.lastDayOfMonth());
    }

    /** The first instant of a business day. */
    Timestamp startOf(LocalDate day) {
        return Timestamp.from(day.atStartOfDay(zone).toInstant());
    }

    /** The first instant after a business day. */
    Timestamp endOf(LocalDate day) {
        return startOf(day.plusDays(1));
    }

    LocalDate dateOf(Timestamp instant) {
        return LocalDate.ofInstant(instant.toInstant(), zone);
    }

    List<String> bucketLabels() {
        return buckets.labels();
    }

    List<Integer> bucketLowerBounds() {
        return buckets.lowerBounds();
    }
}
