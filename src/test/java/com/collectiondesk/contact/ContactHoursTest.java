package com.collectiondesk.contact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Next allowed moments at daylight-saving edges, and hours that cannot be configured. */
class ContactHoursTest {

    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    @Test
    void aStartInsideTheSkippedHourOpensWhenTheClockJumpsNotAnHourLate() {
        // 8 March 2026: New York skips 02:00-03:00; hours from 02:30 open at 03:00 local, 07:00 UTC
        assertThat(hours("02:30", "09:00", NEW_YORK).firstOpenAt(Instant.parse("2026-03-08T05:00:00Z"), far()))
                .isEqualTo(Instant.parse("2026-03-08T07:00:00Z"));
    }

    @Test
    void aStartInsideTheRepeatedHourOpensAtItsFirstOccurrence() {
        // 1 November 2026: New York repeats 01:00-02:00; 01:30 first comes at 05:30 UTC (EDT)
        assertThat(hours("01:30", "09:00", NEW_YORK).firstOpenAt(Instant.parse("2026-11-01T04:10:00Z"), far()))
                .isEqualTo(Instant.parse("2026-11-01T05:30:00Z"));
    }

    @Test
    void hoursSwallowedByATwoHourGapOpenTheNextDayNeverInThePast() {
        // Troll (Antarctica) jumps from +00 to +02 at 01:00 UTC on 29 March 2026: 01:00-03:00 local never happens
        ContactHours hours = hours("01:30", "02:30", ZoneId.of("Antarctica/Troll"));
        Instant from = Instant.parse("2026-03-29T00:45:00Z");
        Instant next = hours.firstOpenAt(from, far());
        assertThat(next).isAfterOrEqualTo(from).isEqualTo(Instant.parse("2026-03-29T23:30:00Z"));
        assertThat(hours.contains(next)).isTrue();
    }

    @Test
    void zonesWithoutCommonHoursHaveNoNextMoment() {
        ContactHours apart = new ContactHours(new ContactPolicySettings.Hours(LocalTime.of(8, 0), LocalTime.of(10, 0), false),
                List.of(ZoneId.of("Europe/Sofia"), ZoneId.of("Asia/Tokyo")));
        Instant from = Instant.parse("2026-03-02T00:00:00Z");
        assertThat(apart.firstOpenAt(from, from.plus(ContactRules.HOURS_HORIZON))).isNull();
    }

    @Test
    void hoursThatEndBeforeTheyStartFailStartUpNamingTheProperty() {
        var overnight = new ContactPolicySettings.Hours(LocalTime.of(22, 0), LocalTime.of(6, 0), false);
        var day = new ContactPolicySettings.Hours(LocalTime.of(8, 0), LocalTime.of(21, 0), false);
        assertThatThrownBy(() -> new ContactPolicySettings(day, Map.of("DE", overnight), 7, Duration.ofDays(7),
                Duration.ofDays(7), 3, Duration.ofDays(30), Map.of()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("collection.contact-policy.countries.DE: start 22:00 is not before end 06:00");
    }

    private static ContactHours hours(String start, String end, ZoneId zone) {
        return new ContactHours(new ContactPolicySettings.Hours(LocalTime.parse(start), LocalTime.parse(end), false), List.of(zone));
    }

    private static Instant far() {
        return Instant.parse("2027-01-01T00:00:00Z");
    }
}
