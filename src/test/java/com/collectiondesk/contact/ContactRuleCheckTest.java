package com.collectiondesk.contact;

import static org.assertj.core.api.Assertions.assertThat;

import com.collectiondesk.contact.ContactRuleCheck.MadeContact;
import com.collectiondesk.ledger.LedgerQueries.DebtorFacts;
import com.collectiondesk.outreach.Channel;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/**
 * The contact rules asked about contacts never sent, with a history the caller keeps (the strategy simulation): the
 * house rules' hours, the pause after a conversation, the written cap, ceased communication.
 */
class ContactRuleCheckTest {

    private static final ZoneId SOFIA = ZoneId.of("Europe/Sofia");
    private final ContactRuleCheck check = new ContactRuleCheck(new Binder(new MapConfigurationPropertySource(Map.of()))
            .bindOrCreate("collection.contact-policy", ContactPolicySettings.class));

    @Test
    void aCallWithinSevenDaysOfAConversationWaitsUntilTheyHavePassed() {
        Instant spoke = at("2026-07-01T09:00");
        ContactRuleCheck.Answer answer = check.check(debtor(false), BigDecimal.TEN, "EUR", Channel.CALL, at("2026-07-03T09:00"),
                List.of(new MadeContact(Channel.CALL, spoke, true)));

        assertThat(answer.allowed()).isFalse();
        assertThat(answer.rule()).isEqualTo("no calls within 7 days of a conversation");
        assertThat(answer.retryAt()).isEqualTo(at("2026-07-08T09:00"));
        assertThat(check.check(debtor(false), BigDecimal.TEN, "EUR", Channel.CALL, at("2026-07-03T09:00"),
                List.of(new MadeContact(Channel.CALL, spoke, false))).allowed()).as("no answer is no conversation").isTrue();
    }

    @Test
    void aFourthWrittenReminderInThirtyDaysWaitsAndNightsAndCeasedDebtorsAreRefused() {
        List<MadeContact> three = List.of(new MadeContact(Channel.SMS, at("2026-07-01T09:00"), false),
                new MadeContact(Channel.LETTER, at("2026-07-05T09:00"), false), new MadeContact(Channel.SMS, at("2026-07-10T09:00"), false));
        ContactRuleCheck.Answer fourth = check.check(debtor(false), BigDecimal.TEN, "EUR", Channel.SMS, at("2026-07-12T09:00"), three);
        assertThat(fourth.rule()).isEqualTo("at most 3 written reminders in 30 days");
        assertThat(fourth.retryAt()).isEqualTo(at("2026-07-31T09:00"));

        ContactRuleCheck.Answer night = check.check(debtor(false), BigDecimal.TEN, "EUR", Channel.SMS, at("2026-07-12T23:00"), List.of());
        assertThat(night.rule()).isEqualTo("contact hours");
        assertThat(night.retryAt()).isEqualTo(at("2026-07-13T08:00"));

        ContactRuleCheck.Answer ceased = check.check(debtor(true), BigDecimal.TEN, "EUR", Channel.SMS, at("2026-07-12T09:00"), List.of());
        assertThat(ceased.allowed()).isFalse();
        assertThat(ceased.retryAt()).isNull();
        assertThat(ceased.rule()).isEqualTo("ceased communication");
    }

    private static Instant at(String local) {
        return LocalDateTime.parse(local).atZone(SOFIA).toInstant();
    }

    private static DebtorFacts debtor(boolean ceased) {
        return new DebtorFacts(1L, "C-1", "Ana", "+359888000000", null, "bg", "BG", "Street 1", SOFIA, List.of(SOFIA), false, null,
                false, null, false, ceased, null);
    }
}
