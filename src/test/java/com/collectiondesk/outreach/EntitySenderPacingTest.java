package com.collectiondesk.outreach;

import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.collectiondesk.ledger.Customer;
import com.collectiondesk.support.ledger.Debtors;
import java.time.Instant;
import java.util.Date;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

/**
 * The outbox paces each actual sender (EntityChannelTestBase, 1 SMS a second per sender): the default entity's
 * number and RO's own number each take their own rate on the engine's clock, which the test holds still.
 */
@TestPropertySource(properties = "collection.outreach.pacing.sms-per-second=1")
class EntitySenderPacingTest extends EntityChannelTestBase {

    @Autowired JdbcTemplate jdbc;
    private Debtors debtors;

    @Autowired
    void debtorBuilder(ApplicationContext context) {
        debtors = Debtors.of(context);
    }

    @Test
    void eachEntitysNumberKeepsItsOwnPace() {
        OutreachMessage german = sms(debtorOf("DEFAULT", "+4915123456797"), "DE");
        OutreachMessage romanian = sms(debtorOf("RO", "+40721234578"), "RO");
        jdbc.update("delete from outreach_pace");
        Instant now = Instant.parse("2026-03-02T08:00:00Z");
        ClockUtil.setCurrentTime(Date.from(now));
        TWILIO.resetRequests();

        outreach.send(german);
        outreach.send(romanian); // at the same instant: another sender, so not behind the German SMS

        TWILIO.verify(2, postRequestedFor(urlPathEqualTo(MESSAGES_PATH)));
        assertThatThrownBy(() -> outreach.send(again(german))).isInstanceOfSatisfying(SendPostponedException.class,
                waits -> assertThat(waits.notBefore()).isEqualTo(now.plusSeconds(1)));
        assertThatThrownBy(() -> outreach.send(again(romanian))).as("RO's number: its own second SMS waits its own second")
                .isInstanceOfSatisfying(SendPostponedException.class,
                        waits -> assertThat(waits.notBefore()).isEqualTo(now.plusSeconds(1)));
        TWILIO.verify(2, postRequestedFor(urlPathEqualTo(MESSAGES_PATH)));
        assertThat(jdbc.queryForList("select sender from outreach_pace order by sender", String.class))
                .containsExactlyInAnyOrder("SMS " + RO_SMS_FROM, "SMS " + FROM);

        ClockUtil.setCurrentTime(Date.from(now.plusSeconds(1)));
        outreach.send(again(german));
        outreach.send(again(romanian));
        TWILIO.verify(4, postRequestedFor(urlPathEqualTo(MESSAGES_PATH)));
    }

    private Customer debtorOf(String entity, String phone) {
        boolean ro = "RO".equals(entity);
        Customer debtor = debtors.debtor().riskScore(500).name(ro ? "Ioana Pacing" : "Jörg Pacing").language(ro ? "ro" : "de")
                .country(ro ? "RO" : "DE").timeZone(ro ? "Europe/Bucharest" : "Europe/Berlin").phone(phone)
                .email(phone.substring(1) + "@example.com").legalEntity(entity).book();
        ledger.invoice(debtor, ledger.contract(debtor, "CONSUMER_LOAN"), "300.00", TODAY.minusDays(20));
        return debtor;
    }

    private OutreachMessage sms(Customer debtor, String key) {
        return built(debtor, Channel.SMS, "sms-reminder", "PACE-" + key + "-" + System.nanoTime());
    }

    private static OutreachMessage again(OutreachMessage message) {
        return new OutreachMessage(message.sendKey() + "-2", message.channel(), message.templateId(), message.debtor(),
                message.debt());
    }
}
