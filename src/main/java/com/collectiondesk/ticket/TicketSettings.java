package com.collectiondesk.ticket;

import com.collectiondesk.system.DpdBuckets;
import java.math.BigDecimal;
import java.time.LocalTime;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code collection.tickets.*}: when steps run, how long a promise may be late and when a customer gets a
 * ticket (how DPD maps to buckets, {@code collection.tickets.buckets}: {@link DpdBuckets}).
 */
@ConfigurationProperties("collection.tickets")
public record TicketSettings(
        @DefaultValue("09:00") LocalTime sendWindowStart,
        @DefaultValue("2") int promiseGraceDays,
        @DefaultValue("5.00") BigDecimal tolerance,
        @DefaultValue("1") int dpdThreshold) {
}
