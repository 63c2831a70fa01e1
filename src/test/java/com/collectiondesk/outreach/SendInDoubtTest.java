package com.collectiondesk.outreach;

import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import com.collectiondesk.security.Groups;
import com.collectiondesk.support.TestUsers;
import com.collectiondesk.ticket.Ticket;
import com.collectiondesk.ticket.TicketProcess;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A node claimed an SMS and died before it could record Twilio's answer: the key stays SENDING, the job never
 * sends on a guess and ends as an incident; a manager settles the key from Twilio's log and the retried job
 * records the message without sending it again.
 */
class SendInDoubtTest extends ChannelTestBase {

    private static final String SID = "SM00000000000000000000000000000d0b";

    @Autowired JdbcTemplate jdbc;
    @Autowired TestRestTemplate http;

    @Test
    @SuppressWarnings("unchecked")
    void aSendInDoubtWaitsAsAnIncidentUntilAManagerSettlesItFromTheProvidersLog() {
        TestUsers.ensure(engine.getIdentityService(), "mara", Groups.MANAGERS);
        TestUsers.ensure(engine.getIdentityService(), "colin", Groups.COLLECTORS);
        ProcessInstance instance = openAndPlan(standardDebtor());
        fireTimer(instance);
        Ticket ticket = ticketOf(instance);
        String key = ticket.getTicketNumber() + ":" + ticket.getPlanRound() + ":"
                + engine.getRuntimeService().getVariable(instance.getId(), TicketProcess.STEP_INDEX) + ":SMS";
        jdbc.update("insert into outreach_send (send_key, ticket_number, channel, status, tries, claimed_at) values (?, ?, 'SMS', 'SENDING', 1, ?)",
                key, ticket.getTicketNumber(), Timestamp.from(Instant.now()));

        Incident incident = failUntilIncident(instance);
        assertThat(incident.getIncidentMessage()).contains(key);
        TWILIO.verify(0, postRequestedFor(urlPathEqualTo(MESSAGES_PATH)));

        ResponseEntity<List> inDoubt = http.withBasicAuth("mara", TestUsers.PASSWORD).getForEntity("/api/outreach/sends", List.class);
        assertThat(inDoubt.getBody()).extracting(send -> ((Map<String, Object>) send).get("sendKey")).contains(key);
        assertThat(http.withBasicAuth("colin", TestUsers.PASSWORD).getForEntity("/api/outreach/sends", String.class)
                .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);

        String settlement = "/api/outreach/sends/" + key + "/settlement";
        ResponseEntity<String> noId = http.withBasicAuth("mara", TestUsers.PASSWORD)
                .postForEntity(settlement, Map.of("outcome", "SENT"), String.class);
        assertThat(noId.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(noId.getBody()).contains("providerId");
        ResponseEntity<Map> settled = http.withBasicAuth("mara", TestUsers.PASSWORD)
                .postForEntity(settlement, Map.of("outcome", "SENT", "providerId", SID), Map.class);
        assertThat(settled.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(settled.getBody()).containsEntry("status", "ACCEPTED").containsEntry("providerId", SID)
                .containsEntry("lastError", "confirmed sent by mara");
        assertThat(http.withBasicAuth("mara", TestUsers.PASSWORD)
                .postForEntity(settlement, Map.of("outcome", "NOT_SENT"), String.class).getStatusCode())
                .isEqualTo(HttpStatus.CONFLICT);

        // "Retry" in Cockpit
        ManagementService management = engine.getManagementService();
        management.setJobRetries(incident.getConfiguration(), 1);
        management.executeJob(incident.getConfiguration());
        // the send commits on its own (async after); the job executor then runs the rest up to the next step's timer
        management.executeJob(management.createJobQuery().processInstanceId(instance.getId()).messages().singleResult().getId());

        TWILIO.verify(0, postRequestedFor(urlPathEqualTo(MESSAGES_PATH)));
        assertThat(contacts.findByTicketIdOrderByAtAscIdAsc(ticket.getId())).singleElement()
                .satisfies(sms -> assertThat(sms.getProviderId()).isEqualTo(SID));
        assertThat(instance).isWaitingAt(TicketProcess.WAIT_FOR_STEP);
    }

    @Test
    void settlingAnUnknownKeyIsNotFound() {
        TestUsers.ensure(engine.getIdentityService(), "mara", Groups.MANAGERS);
        assertThat(http.withBasicAuth("mara", TestUsers.PASSWORD).postForEntity("/api/outreach/sends/T-0:1:0:SMS/settlement",
                Map.of("outcome", "NOT_SENT"), String.class).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }

    private Incident failUntilIncident(ProcessInstance instance) {
        ManagementService management = engine.getManagementService();
        for (int attempt = 0; attempt < 10; attempt++) {
            Incident incident = engine.getRuntimeService().createIncidentQuery().processInstanceId(instance.getId()).singleResult();
            if (incident != null) {
                return incident;
            }
            Job send = management.createJobQuery().processInstanceId(instance.getId())
                    .activityId(TicketProcess.SEND_OUTREACH).singleResult();
            try {
                management.executeJob(send.getId());
            } catch (RuntimeException expected) {
                // the job fails and retries, as the job executor would after each delay
            }
        }
        throw new AssertionError("no incident after 10 tries");
    }
}
