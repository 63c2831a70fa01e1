package com.collectiondesk.outreach;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.collectiondesk.contact.ContactAttempt;
import com.collectiondesk.contact.OutreachMessages;
import com.collectiondesk.ledger.Customer;
import com.collectiondesk.ticket.Ticket;
import com.collectiondesk.ticket.TicketProcess;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** Each SMS reaches Twilio once, whatever happens to the job that sends it; failures end as incidents. */
class ExactlyOnceSendTest extends ChannelTestBase {

    private static final String TWILIO_500 = "{\"code\": 20500, \"message\": \"Internal Server Error\", \"status\": 500}";

    @Autowired JdbcTemplate jdbc;
    ManagementService management;

    @BeforeEach
    void management() {
        management = engine.getManagementService();
    }

    @Test
    void aTwilio500ThenASuccessSendsOnceAndRetriesAfterTheFirstDelay() {
        TWILIO.resetAll();
        TWILIO.stubFor(post(urlPathEqualTo(MESSAGES_PATH)).inScenario("flaky").whenScenarioStateIs(STARTED)
                .willReturn(aResponse().withStatus(500).withHeader("Content-Type", "application/json").withBody(TWILIO_500))
                .willSetStateTo("recovered"));
        TWILIO.stubFor(accepted(post(urlPathEqualTo(MESSAGES_PATH)).inScenario("flaky").whenScenarioStateIs("recovered"), "SM"));
        ProcessInstance instance = atTheSmsJob();

        Instant failedAt = ClockUtil.getCurrentTime().toInstant();
        assertThatThrownBy(() -> management.executeJob(sendJob(instance).getId())).hasMessageContaining("HTTP 500, Twilio error 20500");
        Job retry = sendJob(instance);
        assertThat(retry.getDuedate().toInstant()).isEqualTo(failedAt.plus(Duration.ofMinutes(1)));
        assertThat(contacts.findByTicketIdOrderByAtAscIdAsc(ticketOf(instance).getId())).isEmpty();

        ClockUtil.setCurrentTime(retry.getDuedate());
        management.executeJob(retry.getId());

        TWILIO.verify(2, postRequestedFor(urlPathEqualTo(MESSAGES_PATH)));
        List<ContactAttempt> sent = contacts.findByTicketIdOrderByAtAscIdAsc(ticketOf(instance).getId());
        assertThat(sent).singleElement().extracting(ContactAttempt::getOutcome).isEqualTo("SENT");
        assertThat(outboxRow(sent.get(0).getSendKey())).isEqualTo("ACCEPTED after 2 tries");
    }

    @Test
    void aRetryAfterTwilioAcceptedButTheJobDidNotCommitDoesNotSendAgain() {
        ProcessInstance instance = atTheSmsJob();
        Ticket ticket = ticketOf(instance);
        String sendKey = ticket.getTicketNumber() + ":1:0:SMS";
        // the first run reached Twilio, then its transaction rolled back (crash, lock lost to another node)
        OutreachReceipt first = transaction.execute(status -> outreach.send(firstStepSms(tickets.findById(ticket.getId()).orElseThrow(), sendKey)));

        management.executeJob(sendJob(instance).getId());

        TWILIO.verify(1, postRequestedFor(urlPathEqualTo(MESSAGES_PATH)));
        assertThat(contacts.findByTicketIdOrderByAtAscIdAsc(ticket.getId())).singleElement()
                .satisfies(sms -> assertThat(sms.getProviderId()).isEqualTo(first.providerId()));
    }

    @Test
    void twoNodesRunningTheSameSendAtOnceReachTwilioOnce() throws Exception {
        TWILIO.resetAll();
        TWILIO.stubFor(accepted(post(urlPathEqualTo(MESSAGES_PATH)), "SM")
                .willReturn(aResponse().withStatus(201).withFixedDelay(300).withHeader("Content-Type", "application/json")
                        .withBody("{\"sid\": \"SM00000000000000000000000000000042\", \"status\": \"queued\"}")));
        Customer debtor = standardDebtor();
        OutreachMessage sms = message(debtor, "SMS", "sms-reminder", "T-RACE-1:0:0:SMS");
        ExecutorService nodes = Executors.newFixedThreadPool(2);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<OutreachReceipt>> runs = new ArrayList<>();
        for (int node = 0; node < 2; node++) {
            runs.add(nodes.submit(() -> {
                start.await();
                return outreach.send(sms);
            }));
        }
        start.countDown();
        int completed = 0;
        for (Future<OutreachReceipt> run : runs) {
            try {
                assertThat(run.get().providerId()).isEqualTo("SM00000000000000000000000000000042");
                completed++;
            } catch (java.util.concurrent.ExecutionException inDoubt) {
                assertThat(inDoubt.getCause()).hasMessageContaining("not sending it again");
            }
        }
        nodes.shutdown();

        TWILIO.verify(1, postRequestedFor(urlPathEqualTo(MESSAGES_PATH)));
        assertThat(completed).isGreaterThanOrEqualTo(1);
        // the node that backed off retries later and gets the stored receipt, still without calling Twilio
        assertThat(outreach.send(sms).providerId()).isEqualTo("SM00000000000000000000000000000042");
        TWILIO.verify(1, postRequestedFor(urlPathEqualTo(MESSAGES_PATH)));
    }

    @Test
    void aTwilioThatKeepsFailingEndsAsAnIncidentAfterGrowingDelays() {
        TWILIO.resetAll();
        TWILIO.stubFor(post(urlPathEqualTo(MESSAGES_PATH)).willReturn(aResponse().withStatus(500)
                .withHeader("Content-Type", "application/json").withBody(TWILIO_500)));
        ProcessInstance instance = atTheSmsJob();

        List<Duration> delays = new ArrayList<>();
        for (Job job = sendJob(instance); job.getRetries() > 0; job = sendJob(instance)) {
            ClockUtil.setCurrentTime(job.getDuedate() == null ? ClockUtil.getCurrentTime() : job.getDuedate());
            Instant failedAt = ClockUtil.getCurrentTime().toInstant();
            String id = job.getId();
            assertThatThrownBy(() -> management.executeJob(id)).isNotNull();
            Job after = sendJob(instance);
            if (after.getRetries() > 0) {
                delays.add(Duration.between(failedAt, after.getDuedate().toInstant()));
            }
        }

        assertThat(delays).containsExactly(Duration.ofMinutes(1), Duration.ofMinutes(5), Duration.ofMinutes(30));
        Incident incident = engine.getRuntimeService().createIncidentQuery().processInstanceId(instance.getId()).singleResult();
        assertThat(incident.getIncidentType()).isEqualTo("failedJob");
        assertThat(incident.getActivityId()).isEqualTo(TicketProcess.SEND_OUTREACH);
        assertThat(incident.getIncidentMessage()).contains("HTTP 500, Twilio error 20500");
        assertThat(contacts.findByTicketIdOrderByAtAscIdAsc(ticketOf(instance).getId())).isEmpty();
    }

    @Test
    void a429WaitsAtLeastAsLongAsTwilioAsks() {
        TWILIO.resetAll();
        TWILIO.stubFor(post(urlPathEqualTo(MESSAGES_PATH)).inScenario("busy").whenScenarioStateIs(STARTED)
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "900")).willSetStateTo("calm"));
        TWILIO.stubFor(accepted(post(urlPathEqualTo(MESSAGES_PATH)).inScenario("busy").whenScenarioStateIs("calm"), "SM"));
        ProcessInstance instance = atTheSmsJob();

        Instant failedAt = ClockUtil.getCurrentTime().toInstant();
        assertThatThrownBy(() -> management.executeJob(sendJob(instance).getId())).hasMessageContaining("retry after 900 s");
        Job retry = sendJob(instance);
        assertThat(retry.getDuedate().toInstant()).isEqualTo(failedAt.plusSeconds(900));

        ClockUtil.setCurrentTime(retry.getDuedate());
        management.executeJob(retry.getId());
        TWILIO.verify(2, postRequestedFor(urlPathEqualTo(MESSAGES_PATH)));
        assertThat(contacts.findByTicketIdOrderByAtAscIdAsc(ticketOf(instance).getId())).hasSize(1);
    }

    @Test
    void aRequestTwilioDoesNotAnswerStaysInDoubtAndIsNotSentAgain() {
        TWILIO.resetAll();
        TWILIO.stubFor(post(urlPathEqualTo(MESSAGES_PATH)).willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", "application/json").withBody("{\"sid\": \"SMlate\"}").withFixedDelay(11_000)));
        ProcessInstance instance = atTheSmsJob();
        String sendKey = ticketOf(instance).getTicketNumber() + ":" + ticketOf(instance).getPlanRound() + ":0:SMS";

        assertThatThrownBy(() -> management.executeJob(sendJob(instance).getId())).hasMessageContaining("the message may have been sent");
        assertThat(outboxRow(sendKey)).isEqualTo("SENDING after 1 tries");

        Job retry = sendJob(instance);
        ClockUtil.setCurrentTime(retry.getDuedate());
        assertThatThrownBy(() -> management.executeJob(retry.getId())).hasMessageContaining("outcome is unknown; not sending it again");
        TWILIO.verify(1, postRequestedFor(urlPathEqualTo(MESSAGES_PATH)));
        assertThat(contacts.findByTicketIdOrderByAtAscIdAsc(ticketOf(instance).getId())).isEmpty();
    }

    /** Opens a standard ticket and fires its day-1 timer: the SMS now waits as an async job. */
    private ProcessInstance atTheSmsJob() {
        ProcessInstance instance = openAndPlan(standardDebtor());
        fireTimer(instance);
        assertThat(sendJob(instance)).isNotNull();
        return instance;
    }

    private Job sendJob(ProcessInstance instance) {
        return management.createJobQuery().processInstanceId(instance.getId()).activityId(TicketProcess.SEND_OUTREACH).singleResult();
    }

    private OutreachMessage firstStepSms(Ticket ticket, String sendKey) {
        return messages.of(ticket, steps.findByTicketIdOrderByPlanRoundAscStepIndexAsc(ticket.getId()).get(0), sendKey);
    }

    @Autowired OutreachMessages messages;

    private String outboxRow(String sendKey) {
        return jdbc.queryForObject("select status || ' after ' || tries || ' tries' from outreach_send where send_key = ?",
                String.class, sendKey);
    }
}
