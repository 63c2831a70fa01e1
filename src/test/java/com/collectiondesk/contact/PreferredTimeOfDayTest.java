package com.collectiondesk.contact;

import static org.assertj.core.api.Assertions.assertThat;

import com.collectiondesk.contact.ContactPreference.TimeOfDay;
import com.collectiondesk.outreach.Channel;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A preferred time of day only ever narrows the lawful hours: its overlap with them, or nothing. */
class PreferredTimeOfDayTest {

    private static ContactPolicySettings.Hours hours(String start, String end, boolean endInclusive) {
        return new ContactPolicySettings.Hours(LocalTime.parse(start), LocalTime.parse(end), endInclusive);
    }

    @Test
    void theEveningInsideHoursThatEndEarlierEndsWithThemAndKeepsTheirInclusiveEnd() {
        assertThat(TimeOfDay.EVENING.within(hours("08:00", "20:00", false))).isEqualTo(hours("17:00", "20:00", false));
        assertThat(TimeOfDay.EVENING.within(hours("08:00", "21:00", true))).isEqualTo(hours("17:00", "21:00", true));
        assertThat(TimeOfDay.MORNING.within(hours("09:00", "21:00", true))).isEqualTo(hours("09:00", "12:00", false));
    }

    @Test
    void theRulesSendInsideThePreferenceAndNeverOutsideTheLawfulHours() {
        ContactRules rules = new ContactRules(new ContactPolicySettings(hours("08:00", "21:00", false), Map.of(), 7,
                Duration.ofDays(7), Duration.ofDays(7), 3, Duration.ofDays(30), Map.of()));

        ContactDecision morning = decide(rules, "2026-03-02T10:00", TimeOfDay.EVENING);
        ContactDecision night = decide(rules, "2026-03-02T22:00", TimeOfDay.EVENING);
        ContactDecision evening = decide(rules, "2026-03-02T18:00", TimeOfDay.EVENING);
        ContactDecision without = decide(rules, "2026-03-02T10:00", null);

        assertThat(morning.verdict()).isEqualTo(ContactDecision.Verdict.POSTPONED);
        assertThat(morning.rule()).isEqualTo("the debtor's preferred time of day");
        assertThat(morning.retryAt()).isEqualTo(sofia("2026-03-02T17:00"));
        assertThat(night.rule()).isEqualTo("contact hours");
        assertThat(night.retryAt()).isEqualTo(sofia("2026-03-03T17:00"));
        assertThat(evening.isAllowed()).isTrue();
        assertThat(without.isAllowed()).isTrue();
    }

    private static ContactDecision decide(ContactRules rules, String sofiaTime, TimeOfDay preferred) {
        ZoneId sofia = ZoneId.of("Europe/Sofia");
        var debtor = new com.collectiondesk.ledger.LedgerQueries.DebtorFacts(1L, "C-1", "Ivana", "+359888123456", null, "bg", "BG",
                null, sofia, List.of(sofia), false, null, false, null, false, false, null);
        return rules.decide(debtor, new BigDecimal("100.00"), "EUR", Channel.SMS, sofia(sofiaTime), List.of(), preferred);
    }

    private static Instant sofia(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(ZoneId.of("Europe/Sofia")).toInstant();
    }

    @Test
    void aWindowOutsideTheLawfulHoursGivesNothingSoTheLawfulHoursAloneApply() {
        assertThat(TimeOfDay.AFTERNOON.within(hours("08:00", "11:00", false))).isNull();
        assertThat(TimeOfDay.MORNING.within(hours("12:00", "21:00", false))).isNull();
    }
}
