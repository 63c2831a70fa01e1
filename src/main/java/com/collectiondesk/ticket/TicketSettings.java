package com.collectiondesk.ticket;

import java.math.BigDecimal;
import java.time.LocalTime;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code collection.tickets.*}: when steps run, how long a promise may be late, when a customer gets a
 * ticket and how DPD maps to buckets.
 */
@ConfigurationProperties("collection.tickets")
record TicketSettings(
        @DefaultValue("09:00") LocalTime sendWindowStart,
        @DefaultValue("2") int promiseGraceDays,
        @DefaultValue("5.00") BigDecimal tolerance,
        @DefaultValue("1") int dpdThreshold,
        @DefaultValue({"30", "60", "90", "120"}) List<Integer> buckets) {

    TicketSettings {
        for (int i = 1; i < buckets.size(); i++) {
            if (buckets.get(i) <= buckets.get(i - 1)) {
                throw new IllegalArgumentException("collection.tickets.buckets must rise strictly: " + buckets);
            }
        }
    }

    /** "current" for no DPD, then "1-30", "31-60", … and "120+" past the last bound. */
    String bucketOf(int dpd) {
        if (dpd <= 0) {
            return "current";
        }
        int lower = 1;
        for (int upper : buckets) {
            if (dpd <= upper) {
                return lower + "-" + upper;
            }
            lower = upper + 1;
        }
        return buckets.get(buckets.size() - 1) + "+";
    }
}
