package com.collectiondesk.outreach;


import static org.assertj.core.api.Assertions.assertThat;

import com.collectiondesk.security.Groups;
import com.collectiondesk.support.TestUsers;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * A send is stored once: Twilio's delivery status for it shows on the ticket (its contacts and its timeline) and
 * in the outreach API, because both read the send's one outbox row.
 */
class DeliveryStatusOneRecordTest extends ChannelTestBase {

    @Autowired TestRestTemplate http;
    @Autowired JdbcTemplate jdbc;

    @BeforeEach
    void manager() {
        TestUsers.ensure(engine.getIdentityService(), "mara", Groups.MANAGERS);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"delivered", "failed"})
    void theStatusTwilioReportsShowsOnTheTicketAndInTheOutreachRecordOfTheOneRow(String status) {
        ProcessInstance instance = openAndPlan(standardDebtor());
        runNextStep(instance);
        String number = instance.getBusinessKey();
        String sendKey = number + ":1:0:SMS";
        String sid = jdbc.queryForObject("select provider_id from outreach_send where send_key = ?", String.class, sendKey);

        assertThat(statusCallback(Map.of("MessageSid", sid, "MessageStatus", status, "AccountSid", ACCOUNT_SID)))
                .isEqualTo(HttpStatus.NO_CONTENT);

        JsonNode ticket = asManager().getForObject("/api/tickets/" + number, JsonNode.class);
        assertThat(ticket.at("/contacts/0/channel").asText()).isEqualTo("SMS");
        assertThat(ticket.at("/contacts/0/deliveryStatus").asText()).isEqualTo(status);
        assertThat(StreamSupport.stream(ticket.get("timeline").spliterator(), false)
                .filter(event -> event.get("type").asText().equals("DELIVERY")).map(event -> event.get("details").asText()))
                .containsExactly("SMS " + sendKey + ": " + status);
        JsonNode accepted = asManager().getForObject("/api/outreach/sends?status=ACCEPTED", JsonNode.class);
        assertThat(StreamSupport.stream(accepted.spliterator(), false)
                .filter(send -> send.get("sendKey").asText().equals(sendKey)))
                .singleElement().satisfies(send -> {
                    assertThat(send.get("deliveryStatus").asText()).isEqualTo(status);
                    assertThat(send.get("providerId").asText()).isEqualTo(sid);
                    assertThat(send.get("channel").asText()).isEqualTo("SMS");
                });

        assertThat(count("select count(*) from outreach_send where send_key = ?", sendKey)).isEqualTo(1);
        assertThat(count("select count(*) from contact_attempt where send_key = ?", sendKey)).isEqualTo(1);
        assertThat(count("""
                select count(*) from information_schema.columns where lower(table_name) = 'contact_attempt'
                and lower(column_name) in ('rendered_text', 'provider_id', 'delivery_status', 'segments', 'sandbox')"""))
                .as("the contact holds no copy of the send's text, id or status").isZero();
    }

    private HttpStatus statusCallback(Map<String, String> params) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
        headers.set("X-Twilio-Signature", TwilioWebhooksTest.signature("/webhooks/twilio/status", params));
        MultiValueMap<String, String> body = new LinkedMultiValueMap<>();
        params.forEach(body::add);
        return HttpStatus.valueOf(http.postForEntity("/webhooks/twilio/status", new HttpEntity<>(body, headers), String.class)
                .getStatusCode().value());
    }

    private TestRestTemplate asManager() {
        return http.withBasicAuth("mara", TestUsers.PASSWORD);
    }

    private long count(String sql, Object... arguments) {
        return jdbc.queryForObject(sql, Long.class, arguments);
    }
}
