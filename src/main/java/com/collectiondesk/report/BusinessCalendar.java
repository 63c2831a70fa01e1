package com.collectiondesk.report;

import com.collectiondesk.system.BusinessClock;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Business dates for reports: today in {@code collection.business-zone} on the engine's clock (as the tickets
 * use it), day boundaries as timestamps, and the DPD buckets of {@code collection.tickets.buckets}, labelled as
 * the tickets label them ("current", "1-30", …, "120+").
 */
@Component
class BusinessCalendar {

    static final String CURRENT = "current";

    private final BusinessClock clock;
    private final ZoneId zone;
    private final List<Integer> bucketBounds;

    BusinessCalendar(BusinessClock clock, @Value("${collection.tickets.buckets:30,60,90,120}") List<Integer> bucketBounds) {
        this.clock = clock;
        this.zone = clock.zone();
        this.bucketBounds = List.copyOf(bucketBounds);
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

    /** Bucket labels in DPD order, "current" first. */
    List<String> bucketLabels() {
        List<String> labels = new ArrayList<>();
        labels.add(CURRENT);
        int lower = 1;
        for (int upper : bucketBounds) {
            labels.add(lower + "-" + upper);
            lower = upper + 1;
        }
        labels.add(bucketBounds.get(bucketBounds.size() - 1) + "+");
        return labels;
    }

    /** Lowest DPD of each bucket after "current" (1, 31, 61, …), matching {@link #bucketLabels()} from index 1. */
    List<Integer> bucketLowerBounds() {
        List<Integer> lowers = new ArrayList<>();
        lowers.add(1);
        bucketBounds.forEach(upper -> lowers.add(upper + 1));
        return lowers;
    }
}
