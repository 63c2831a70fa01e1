package com.collectiondesk.ticket;

import com.collectiondesk.system.DpdBuckets;
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
public record TicketSettings(
        @DefaultValue("09:00") LocalTime sendWindowStart,
        @DefaultValue("2") int promiseGraceDays,
        @DefaultValue("5.00") BigDecimal tolerance,
        @DefaultValue("1") int dpdThreshold,
        @DefaultValue({"30", "60", "90", "120"}) List<Integer> buckets) {

    public TicketSettings {
        new DpdBuckets(buckets);   // fails start-up on bounds that do not rise
    }

    String bucketOf(int dpd) {
        return new DpdBuckets(buckets).labelOf(dpd);
    }
}
