package com.collectiondesk.outreach;

import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.collectiondesk.contact.ContactAttempt;
import com.collectiondesk.ledger.Customer;
import com.collectiondesk.security.Groups;
import com.collectiondesk.support.TestUsers;
import com.collectiondesk.ticket.Ticket;
import com.collectiondesk.ticket.TicketEvent;
import com.collectiondesk.ticket.TicketStatus;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.TreeMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/** Twilio's callbacks: signed ones change the ticket once, unsigned ones are refused, STOP stops SMS. */
public class TwilioWebhooksTest extends ChannelTestBase {

    @Autowired TestRestTemplate http;

    @Test
    void aSignedStatusCallbackUpdatesTheAttemptOnceAndAReplayChangesNothing() {
        ProcessInstance instance = openAndPlan(standardDebtor());
        runNextStep(instance);
        Ticket ticket = ticketOf(instance);
        ContactAttempt sms = contacts.findByTicketIdOrderByAtAscIdAsc(ticket.getId()).get(0);
        Map<String, String> delivered = Map.of("MessageSid", sms.getProviderId(), "MessageStatus", "delivered",
                "AccountSid", ACCOUNT_SID);

        assertThat(callback("/webhooks/twilio/status", delivered, true).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(callback("/webhooks/twilio/status", delivered, true).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);

        assertThat(contacts.findById(sms.getId()).orElseThrow().getDeliveryStatus()).isEqualTo("delivered");
        assertThat(timelineTypes(ticket).stream().filter("DELIVERY"::equals)).hasSize(1);
    }

    @Test
    void aMissingOrWrongSignatureIs403AndChangesNothing() {
        ProcessInstance instance = openAndPlan(standardDebtor());
        runNextStep(instance);
        ContactAttempt sms = contacts.findByTicketIdOrderByAtAscIdAsc(ticketOf(instance).getId()).get(0);
        Map<String, String> failed = Map.of("MessageSid", sms.getProviderId(), "MessageStatus", "failed");

        assertThat(callback("/webhooks/twilio/status", failed, false).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        HttpHeaders forged = form();
        forged.set("X-Twilio-Signature", signature("/webhooks/twilio/status", Map.of("MessageSid", sms.getProviderId(),
                "MessageStatus", "delivered")));
        assertThat(http.postForEntity("/webhooks/twilio/status", new HttpEntity<>(body(failed), forged), String.class)
                .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(callback("/webhooks/twilio/inbound", Map.of("MessageSid", "SMX1", "From", "+359888123456", "Body", "STOP"), false)
                .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);

        assertThat(contacts.findById(sms.getId()).orElseThrow().getDeliveryStatus()).isNull();
        assertThat(customers.findById(ticketOf(instance).getCustomerPk()).orElseThrow().refusesSms()).isFalse();
    }

    @Test
    void stopOptsTheNumberOutOfSmsAndTheNextSmsIsSkipped() {
        Customer debtor = standardDebtor("Ivana Petrova", "en", "BG", "Europe/Sofia", "+359888765432");
        ProcessInstance instance = openAndPlan(debtor);

        ResponseEntity<String> answer = callback("/webhooks/twilio/inbound",
                Map.of("MessageSid", "SM-stop-1", "From", "+359888765432", "Body", " stop "), true);
        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(answer.getBody()).contains("<Response>");
        assertThat(customers.findById(debtor.getId()).orElseThrow().refusesSms()).isTrue();
        // the ERP's next customer update knows nothing of the STOP and must not undo it
        TestUsers.ensure(engine.getIdentityService(), "erp-feed", Groups.ERP_INTEGRATION);
        ResponseEntity<Map> update = http.withBasicAuth("erp-feed", TestUsers.PASSWORD).exchange(
                "/api/customers/" + debtor.getCustomerId(), HttpMethod.PUT, new HttpEntity<>(Map.of("name", "Ivana Petrova",
                        "phone", "+359888765432", "email", "ivana@example.com", "language", "en", "country", "BG",
                        "timeZone", "Europe/Sofia", "address", "1 Vitosha Blvd, Sofia", "smsOptOut", false)), Map.class);
        assertThat(update.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(update.getBody()).containsEntry("smsOptOut", false).containsKey("smsStoppedAt");
        assertThat(update.getBody().get("smsStoppedAt")).isNotNull();

        runNextStep(instance);
        TWILIO.verify(0, postRequestedFor(urlPathEqualTo(MESSAGES_PATH)));
        assertThat(contacts.findByTicketIdOrderByAtAscIdAsc(ticketOf(instance).getId())).isEmpty();
        assertThat(events.findByTicketIdOrderByAtAscIdAsc(ticketOf(instance).getId())).extracting(TicketEvent::getDetails)
                .anySatisfy(details -> assertThat(details).startsWith("SMS opt-out: the debtor replied stop"))
                .anySatisfy(details -> assertThat(details).startsWith("SMS SKIPPED by rule 'sms opt-out'"));
    }

    @Test
    void anyOtherReplyIsRecordedAndBecomesATaskForTheCollectors() throws Exception {
        Customer debtor = standardDebtor("Ivana Petrova", "en", "BG", "Europe/Sofia", "+359888555111");
        ProcessInstance instance = openAndPlan(debtor);
        Map<String, String> reply = Map.of("MessageSid", "SM-reply-1", "From", "+359888555111", "Body", "I will pay on Friday");

        callback("/webhooks/twilio/inbound", reply, true);
        callback("/webhooks/twilio/inbound", reply, true);

        String number = ticketOf(instance).getTicketNumber();
        Task task = engine.getTaskService().createTaskQuery().processInstanceBusinessKey(number).taskDefinitionKey("answer-reply")
                .singleResult();
        assertThat(task.getName()).isEqualTo("Answer debtor's reply");
        assertThat(engine.getTaskService().createTaskQuery().taskId(task.getId()).taskCandidateGroup("collectors").count()).isEqualTo(1);
        assertThat(engine.getTaskService().getVariable(task.getId(), "replyText")).isEqualTo("I will pay on Friday");
        assertThat(contacts.findByTicketIdOrderByAtAscIdAsc(ticketOf(instance).getId())).singleElement()
                .satisfies(in -> assertThat(in.getOutcome()).isEqualTo("REPLY"));
        assertThat(timelineTypes(ticketOf(instance)).stream().filter("REPLY"::equals)).hasSize(1);

        // Tasklist renders the reply form with the debtor's facts; what the collector did goes on the timeline
        assertThat(engine.getTaskService().createTaskQuery().taskId(task.getId()).initializeFormKeys().singleResult()
                .getCamundaFormRef().getKey()).isEqualTo("answer-reply");
        try (var form = engine.getFormService().getDeployedTaskForm(task.getId())) {
            assertThat(new String(form.readAllBytes(), StandardCharsets.UTF_8)).contains("\"key\": \"replyText\"", "\"key\": \"replyAction\"");
        }
        assertThat(engine.getTaskService().getVariable(task.getId(), "debtorName")).isEqualTo("Ivana Petrova");
        engine.getTaskService().claim(task.getId(), "rosa");
        // a call-back is a call and needs its outcome
        engine.getTaskService().complete(task.getId(), Map.of("replyAction", "CALLED_BACK", "outcome", "REACHED", "note", "Confirmed Friday"));
        assertThat(events.findByTicketIdOrderByAtAscIdAsc(ticketOf(instance).getId()))
                .filteredOn(event -> event.getType().equals("REPLY_ANSWERED")).singleElement()
                .satisfies(event -> {
                    assertThat(event.getDetails()).isEqualTo("CALLED_BACK: Confirmed Friday");
                    assertThat(event.getAuthor()).isEqualTo("rosa");
                });
    }

    @Test
    void aReplyAfterTheTicketClosedStillReachesACollector() {
        Customer debtor = standardDebtor("Ivana Petrova", "en", "BG", "Europe/Sofia", "+359888555222");
        ProcessInstance instance = openAndPlan(debtor);
        ledger.pay(debtor, "300.00", TODAY);
        runAsyncJobs(instance);
        Ticket closed = ticketOf(instance);
        assertThat(closed.getStatus()).isEqualTo(TicketStatus.CLOSED);

        callback("/webhooks/twilio/inbound", Map.of("MessageSid", "SM-reply-2", "From", "+359888555222",
                "Body", "I paid yesterday, please stop"), true);

        Task task = engine.getTaskService().createTaskQuery().processInstanceBusinessKey(closed.getTicketNumber())
                .taskDefinitionKey("answer-reply").singleResult();
        assertThat(engine.getTaskService().getVariable(task.getId(), "replyText")).isEqualTo("I paid yesterday, please stop");
        assertThat(timelineTypes(closed)).contains("REPLY");
    }

    private ResponseEntity<String> callback(String path, Map<String, String> params, boolean signed) {
        HttpHeaders headers = form();
        if (signed) {
            headers.set("X-Twilio-Signature", signature(path, params));
        }
        return http.postForEntity(path, new HttpEntity<>(body(params), headers), String.class);
    }

    private static HttpHeaders form() {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
        return headers;
    }

    private static MultiValueMap<String, String> body(Map<String, String> params) {
        MultiValueMap<String, String> body = new LinkedMultiValueMap<>();
        params.forEach(body::add);
        return body;
    }

    /** Twilio's scheme: HMAC-SHA1 of the public URL followed by each parameter name and value, sorted by name. */
    public static String signature(String path, Map<String, String> params) {
        StringBuilder data = new StringBuilder(PUBLIC_BASE_URL + path);
        new TreeMap<>(params).forEach((name, value) -> data.append(name).append(value));
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(AUTH_TOKEN.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
            return Base64.getEncoder().encodeToString(mac.doFinal(data.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
