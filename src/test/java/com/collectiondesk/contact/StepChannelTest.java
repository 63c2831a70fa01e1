package com.collectiondesk.contact;

import static org.assertj.core.api.Assertions.assertThat;

import com.collectiondesk.ledger.LedgerQueries.DebtorFacts;
import com.collectiondesk.outreach.Channel;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Which channel a strategy step goes out on once the debtor has said which of SMS and e-mail they prefer. */
class StepChannelTest {

    private static final ZoneId SOFIA = ZoneId.of("Europe/Sofia");

    @Test
    void anSmsStepGoesByEmailInTheTemplatesEmailVersionWhenTheDebtorPrefersEmail() {
        StepChannel chosen = StepChannel.choose(Channel.SMS, "sms-final-notice", Channel.EMAIL, debtor("+359888123456", "i@example.com", false, null));

        assertThat(chosen.channel()).isEqualTo(Channel.EMAIL);
        assertThat(chosen.templateId()).isEqualTo("email-final-notice");
        assertThat(chosen.note()).contains("sent by email as the debtor prefers (the strategy planned SMS sms-final-notice)");
    }

    @Test
    void noPreferenceTheSameChannelOrAPreferredCallChangesNothingAndSaysNothing() {
        DebtorFacts reachable = debtor("+359888123456", "i@example.com", false, null);
        for (Channel preferred : new Channel[] {null, Channel.SMS, Channel.CALL}) {
            assertThat(StepChannel.choose(Channel.SMS, "sms-reminder", preferred, reachable))
                    .isEqualTo(new StepChannel(Channel.SMS, "sms-reminder", Optional.empty()));
        }
    }

    @Test
    void lettersCallsAndVoiceMessagesKeepTheirChannel() {
        DebtorFacts reachable = debtor("+359888123456", "i@example.com", false, null);
        assertThat(StepChannel.choose(Channel.LETTER, "letter-formal", Channel.EMAIL, reachable).channel()).isEqualTo(Channel.LETTER);
        assertThat(StepChannel.choose(Channel.VOICE, "voice-reminder", Channel.SMS, reachable).channel()).isEqualTo(Channel.VOICE);
        assertThat(StepChannel.choose(Channel.CALL, "call-standard", Channel.EMAIL, reachable).note()).isEmpty();
    }

    @Test
    void anOptOutOrAMissingAddressOfThePreferredChannelKeepsThePlannedOneAndSaysWhy() {
        assertThat(StepChannel.choose(Channel.SMS, "sms-reminder", Channel.EMAIL, debtor("+359888123456", "i@example.com", false,
                Instant.parse("2026-03-01T10:00:00Z"))).suffix())
                .isEqualTo("; the debtor prefers email but opted out of email: sent by SMS as planned");
        assertThat(StepChannel.choose(Channel.SMS, "sms-reminder", Channel.EMAIL, debtor("+359888123456", " ", false, null)))
                .isEqualTo(new StepChannel(Channel.SMS, "sms-reminder",
                        Optional.of("the debtor prefers email but has no email address: sent by SMS as planned")));
        assertThat(StepChannel.choose(Channel.EMAIL, "email-friendly", Channel.SMS, debtor("+359888123456", "i@example.com", true, null))
                .suffix()).isEqualTo("; the debtor prefers SMS but opted out of SMS: sent by email as planned");
        assertThat(StepChannel.choose(Channel.EMAIL, "email-friendly", Channel.SMS, debtor(null, "i@example.com", false, null))
                .channel()).isEqualTo(Channel.EMAIL);
    }

    @Test
    void aTemplateWithoutAVersionForThePreferredChannelKeepsThePlannedOne() {
        StepChannel chosen = StepChannel.choose(Channel.SMS, "sms-custom-campaign", Channel.EMAIL,
                debtor("+359888123456", "i@example.com", false, null));

        assertThat(chosen.channel()).isEqualTo(Channel.SMS);
        assertThat(chosen.suffix()).isEqualTo("; the debtor prefers email but template sms-custom-campaign has no email version:"
                + " sent by SMS as planned");
    }

    private static DebtorFacts debtor(String phone, String email, boolean smsOptOut, Instant unsubscribedAt) {
        return new DebtorFacts(1L, "C-1", "Ivana Petrova", phone, email, "en", "BG", "1 Vitosha Blvd, 1000 Sofia", SOFIA,
                List.of(SOFIA), smsOptOut, null, false, unsubscribedAt, false, false, null);
    }
}
