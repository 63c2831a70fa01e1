package com.collectiondesk.outreach;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.collectiondesk.ledger.Customer;
import com.collectiondesk.ticket.TicketProcess;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.IntStream;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

/**
 * Sends paced per sender on the engine's clock, which these tests move by hand: a batch due at once leaves at the
 * sender's rate, each message once; Twilio's 429 holds off that sender only; the outbox reports its backlog per
 * sender; emails share one SMTP connection per batch.
 */
@TestPropertySource(properties = {
        "collection.outreach.pacing.sms-per-second=1",
        "collection.outreach.pacing.voice-per-second=1",
        "collection.outreach.pacing.email-per-second=0",
        "collection.outreach.pacing.email-batch-size=3"})
class PacedSendsTest extends ChannelTestBase {

    @Autowired JdbcTemplate jdbc;
    @Autowired MeterRegistry meters;
    ManagementService management;

    @BeforeEach
    void freshPace() {
        management = engine.getManagementService();
        jdbc.update("delete from outreach_pace");
        jdbc.update("delete from outreach_send where status = 'QUEUED'");   // each test counts its own backlog
    }

    @Test
    void aHundredSmsDueAtOnceLeaveAtOnePerSecondEachOnce() {
        Customer debtor = standardDebtor("Ivan Petrov", "bg", "BG", "Europe/Sofia", "+359888123456");
        List<OutreachMessage> due = IntStream.range(0, 100)
                .mapToObj(i -> message(debtor, "SMS", "sms-reminder", "T-PACE" + i + ":1:0:SMS")).toList();
        Instant start = MONDAY_MORNING;
        Map<String, Instant> notBefore = new HashMap<>();
        Map<Long, Integer> sentPerSecond = new TreeMap<>();
        // the job executor's part, by hand: every quarter second, each send whose job is due runs
        for (long quarter = 0; quarter < 4 * 120; quarter++) {
            Instant now = start.plusMillis(250 * quarter);
            ClockUtil.setCurrentTime(Date.from(now));
            for (OutreachMessage message : due) {
                Instant slot = notBefore.getOrDefault(message.sendKey(), start);
                if (slot == Instant.MAX || slot.isAfter(now)) {
                    continue;
                }
                try {
                    outreach.send(message);
                    notBefore.put(message.sendKey(), Instant.MAX);
                    sentPerSecond.merge(quarter / 4, 1, Integer::sum);
                } catch (SendPostponedException waits) {
                    notBefore.put(message.sendKey(), waits.notBefore());
                }
            }
        }

        assertThat(sentPerSecond.values()).as("sends per simulated second").allMatch(count -> count <= 1);
        assertThat(sentPerSecond.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(100);
        assertThat(sentPerSecond.keySet()).as("one a second from the first").containsExactlyElementsOf(
                IntStream.range(0, 100).mapToObj(Long::valueOf).toList());
        TWILIO.verify(100, postRequestedFor(urlPathEqualTo(MESSAGES_PATH)));
        assertThat(jdbc.queryForList("select status || ' after ' || tries || ' tries' from outreach_send"
                + " where send_key like 'T-PACE%' group by status, tries", String.class)).containsExactly("ACCEPTED after 1 tries");
    }

    @Test
    void aPacedJobWaitsForItsSlotWithItsRetriesAndNoIncidentThenSendsOnce() {
        ProcessInstance first = atTheSmsJob(standardDebtor("Ana Ionescu", "ro", "RO", "Europe/Bucharest", "+40722123456"));
        ProcessInstance second = atTheSmsJob(standardDebtor("Petar Georgiev", "bg", "BG", "Europe/Sofia", "+359888654321"));
        Instant now = ClockUtil.getCurrentTime().toInstant();
        int retries = sendJob(second).getRetries();

        management.executeJob(sendJob(first).getId());
        assertThatThrownBy(() -> management.executeJob(sendJob(second).getId())).hasMessageContaining("waits for its sender's slot");

        Job waiting = sendJob(second);
        assertThat(waiting.getDuedate().toInstant()).isEqualTo(now.plusSeconds(1));
        assertThat(waiting.getRetries()).as("no retry used up").isEqualTo(retries);
        assertThat(waiting.getExceptionMessage()).isNull();
        assertThat(engine.getRuntimeService().createIncidentQuery().count()).isZero();
        assertThat(management.createJobQuery().processInstanceId(second.getId()).executable().count())
                .as("not due before its slot").isZero();
        TWILIO.verify(1, postRequestedFor(urlPathEqualTo(MESSAGES_PATH)));

        ClockUtil.setCurrentTime(waiting.getDuedate());
        management.executeJob(waiting.getId());
        TWILIO.verify(2, postRequestedFor(urlPathEqualTo(MESSAGES_PATH)));
        assertThat(contacts.findByTicketIdOrderByAtAscIdAsc(ticketOf(second).getId())).hasSize(1);
    }

    @Test
    void a429HoldsOffThatSenderOnlyAndTheMessageIsSentOnceLater() {
        TWILIO.resetAll();
        TWILIO.stubFor(post(urlPathEqualTo(MESSAGES_PATH)).inScenario("busy").whenScenarioStateIs(STARTED)
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "30")).willSetStateTo("calm"));
        TWILIO.stubFor(accepted(post(urlPathEqualTo(MESSAGES_PATH)).inScenario("busy").whenScenarioStateIs("calm"), "SM"));
        TWILIO.stubFor(accepted(post(urlPathEqualTo(CALLS_PATH)), "CA"));
        Customer debtor = standardDebtor("Maria Popescu", "ro", "RO", "Europe/Bucharest", "+40722654321");
        OutreachMessage refused = message(debtor, "SMS", "sms-reminder", "T-BUSY1:1:0:SMS");
        OutreachMessage next = message(debtor, "SMS", "sms-reminder", "T-BUSY2:1:0:SMS");
        Instant start = MONDAY_MORNING;

        assertThatThrownBy(() -> outreach.send(refused)).isInstanceOf(ProviderRateLimitedException.class);
        outreach.send(message(debtor, "VOICE", "voice-reminder", "T-BUSY3:1:0:VOICE"));
        TWILIO.verify(1, postRequestedFor(urlPathEqualTo(CALLS_PATH)));

        ClockUtil.setCurrentTime(Date.from(start.plusSeconds(1)));
        assertThatThrownBy(() -> outreach.send(next)).isInstanceOfSatisfying(SendPostponedException.class,
                waits -> assertThat(waits.notBefore()).isEqualTo(start.plusSeconds(30)));
        ClockUtil.setCurrentTime(Date.from(start.plusSeconds(30)));   // the refused SMS's retry is due now too
        assertThatThrownBy(() -> outreach.send(refused)).isInstanceOfSatisfying(SendPostponedException.class,
                waits -> assertThat(waits.notBefore()).isEqualTo(start.plusSeconds(31)));
        outreach.send(next);
        ClockUtil.setCurrentTime(Date.from(start.plusSeconds(31)));
        outreach.send(refused);
        outreach.send(refused);   // a retry after it was accepted: recorded, not sent

        TWILIO.verify(3, postRequestedFor(urlPathEqualTo(MESSAGES_PATH)));
        assertThat(jdbc.queryForList("select send_key || ' ' || status || ' after ' || tries || ' tries' from outreach_send"
                + " where send_key like 'T-BUSY%:SMS' order by send_key", String.class))
                .containsExactly("T-BUSY1:1:0:SMS ACCEPTED after 2 tries", "T-BUSY2:1:0:SMS ACCEPTED after 1 tries");
    }

    @Test
    void theBacklogGaugeCountsTheSendsWaitingPerSender() {
        Customer debtor = standardDebtor("Georgi Ivanov", "bg", "BG", "Europe/Sofia", "+359888111222");
        for (int i = 0; i < 4; i++) {
            try {
                outreach.send(message(debtor, "SMS", "sms-reminder", "T-GAUGE" + i + ":1:0:SMS"));
            } catch (SendPostponedException waits) {
                // queued for its slot
            }
        }

        assertThat(meters.get("collection.outreach.outbox.backlog")
                .tags("channel", "SMS", "sender", "twilio", "from", FROM, "status", "QUEUED").gauge().value()).isEqualTo(3);
        ClockUtil.setCurrentTime(Date.from(MONDAY_MORNING.plusSeconds(3)));
        IntStream.range(1, 4).forEach(i -> outreach.send(message(debtor, "SMS", "sms-reminder", "T-GAUGE" + i + ":1:0:SMS")));
    }

    @Test
    void emailsOfABatchShareOneSmtpConnection() {
        Customer debtor = ledger.change(standardDebtor(), d -> d.email("debtor@example.com"));
        int before = SMTP_CONNECTIONS.connections();

        IntStream.range(0, 5).forEach(i -> outreach.send(message(debtor, "EMAIL", "email-friendly", "T-BATCH" + i + ":1:0:EMAIL")));

        assertThat(SMTP.getReceivedMessages()).hasSize(5);
        assertThat(SMTP_CONNECTIONS.connections() - before).as("5 emails in batches of 3").isEqualTo(2);
    }

    /** Opens a standard ticket and fires its day-1 timer: the SMS now waits as an async job. */
    private ProcessInstance atTheSmsJob(Customer debtor) {
        ProcessInstance instance = openAndPlan(debtor);
        fireTimer(instance);
        return instance;
    }

    private Job sendJob(ProcessInstance instance) {
        return management.createJobQuery().processInstanceId(instance.getId()).activityId(TicketProcess.SEND_OUTREACH).singleResult();
    }
}
