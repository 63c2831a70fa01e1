package com.collectiondesk.contact;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/** The call form's contact lines: collectors read the business's time and, beside it, the debtor's. */
class ContactTimesTest {

    private static final ZoneId SOFIA = ZoneId.of("Europe/Sofia");

    @Test
    void aDebtorInTheBusinessZoneGetsOneTime() {
        assertThat(ContactTimes.line(Instant.parse("2026-03-07T08:00:00Z"), SOFIA, SOFIA))
                .isEqualTo("2026-03-07 10:00 Europe/Sofia");
    }

    @Test
    void aDebtorElsewhereGetsTheirLocalTimeBesideIt() {
        assertThat(ContactTimes.line(Instant.parse("2026-03-07T08:00:00Z"), SOFIA, ZoneId.of("Europe/Berlin")))
                .isEqualTo("2026-03-07 10:00 Europe/Sofia (debtor's time 09:00 Europe/Berlin)");
    }

    @Test
    void theDebtorsDateIsShownWhenItIsAnotherDay() {
        assertThat(ContactTimes.line(Instant.parse("2026-03-07T06:00:00Z"), SOFIA, ZoneId.of("America/Los_Angeles")))
                .isEqualTo("2026-03-07 08:00 Europe/Sofia (debtor's time 2026-03-06 22:00 America/Los_Angeles)");
    }
}
