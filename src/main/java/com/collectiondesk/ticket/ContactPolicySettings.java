package com.collectiondesk.ticket;

import java.time.Duration;
import java.time.LocalTime;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code collection.contact-policy.*}: when a debtor may be phoned or texted (local time, per country if
 * set), and how often calls and written reminders may go to one ticket.
 */
@ConfigurationProperties("collection.contact-policy")
record ContactPolicySettings(
        @DefaultValue Hours quietHours,
        @DefaultValue Map<String, Hours> countries,
        @DefaultValue("7") int maxCalls,
        @DefaultValue("P7D") Duration callPeriod,
        @DefaultValue("P7D") Duration noCallsAfterConversation,
        @DefaultValue("3") int maxWritten,
        @DefaultValue("P30D") Duration writtenPeriod) {

    /** Contact is allowed from {@code start} (inclusive) to {@code end} (exclusive), local time. */
    record Hours(@DefaultValue("08:00") LocalTime start, @DefaultValue("21:00") LocalTime end) {
    }

    Hours hoursFor(String country) {
        return country == null ? quietHours : countries.getOrDefault(country.toUpperCase(java.util.Locale.ROOT), quietHours);
    }
}
