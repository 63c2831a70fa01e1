package com.collectiondesk.outreach;

import com.collectiondesk.system.PublicAddress;
import com.twilio.security.RequestValidator;
import jakarta.servlet.http.HttpServletRequest;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Twilio's callbacks. Not behind our authentication (Twilio cannot log in) but every request must carry a
 * valid {@code X-Twilio-Signature} over {@code collection.public-base-url} + path and the POSTed parameters;
 * each callback is handled once, so a replay changes nothing.
 */
@RestController
@RequestMapping("/webhooks/twilio")
class TwilioWebhooks {

    static final Set<String> STOP_WORDS = Set.of("STOP", "STOPALL", "UNSUBSCRIBE", "CANCEL", "END", "QUIT");
    private static final String EMPTY_TWIML = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response></Response>";

    private final TwilioSettings settings;
    private final PublicAddress publicAddress;
    private final ContactEvents events;
    private final JdbcTemplate jdbc;
    private final SendOutbox outbox;

    TwilioWebhooks(TwilioSettings settings, PublicAddress publicAddress,
                   ContactEvents events, JdbcTemplate jdbc, SendOutbox outbox) {
        this.settings = settings;
        this.publicAddress = publicAddress;
        this.events = events;
        this.jdbc = jdbc;
        this.outbox = outbox;
    }

    @PostMapping(value = "/status", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    @Transactional
    ResponseEntity<String> status(HttpServletRequest request) {
        Map<String, String> params = params(request);
        if (!signed(request, params)) {
            return forbidden();
        }
        String sid = params.getOrDefault("MessageSid", params.get("CallSid"));
        String status = params.getOrDefault("MessageStatus", params.get("CallStatus"));
        if (sid != null && status != null && firstTime("status:" + sid + ":" + status)) {
            outbox.delivered(sid, status).forEach(send -> events.deliveryStatus(send.sendKey(), send.channel(), status));
        }
        return ResponseEntity.noContent().build();
    }

    @PostMapping(value = "/inbound", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE, produces = MediaType.APPLICATION_XML_VALUE)
    @Transactional
    ResponseEntity<String> inbound(HttpServletRequest request) {
        Map<String, String> params = params(request);
        if (!signed(request, params)) {
            return forbidden();
        }
        String sid = params.get("MessageSid");
        String from = params.get("From");
        String body = params.getOrDefault("Body", "");
        if (sid != null && from != null && firstTime("inbound:" + sid)) {
            if (STOP_WORDS.contains(body.strip().toUpperCase(Locale.ROOT))) {
                events.smsOptOut(from, body.strip());
            } else {
                events.reply(sid, from, body);
            }
        }
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_XML).body(EMPTY_TWIML);
    }

    private boolean signed(HttpServletRequest request, Map<String, String> params) {
        String signature = request.getHeader("X-Twilio-Signature");
        if (signature == null || settings.authToken() == null || settings.authToken().isBlank()) {
            return false;
        }
        String url = publicAddress.of(request.getRequestURI()
                + (request.getQueryString() == null ? "" : "?" + request.getQueryString()));
        return new RequestValidator(settings.authToken()).validate(url, params, signature);
    }

    /** Records the callback's key; false when it was seen before. */
    private boolean firstTime(String key) {
        try {
            return jdbc.update("""
                    insert into twilio_callback (callback_key, received_at)
                    select ?, ? where not exists (select 1 from twilio_callback where callback_key = ?)""",
                    key, Timestamp.from(Instant.now()), key) == 1;
        } catch (DuplicateKeyException concurrentReplay) {
            return false;
        }
    }

    private static Map<String, String> params(HttpServletRequest request) {
        Map<String, String> params = new TreeMap<>();
        request.getParameterMap().forEach((name, values) -> params.put(name, values.length == 0 ? "" : values[0]));
        return params;
    }

    private static ResponseEntity<String> forbidden() {
        return ResponseEntity.status(HttpStatus.FORBIDDEN).contentType(MediaType.TEXT_PLAIN).body("Invalid Twilio signature");
    }
}
