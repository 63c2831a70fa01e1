package com.collectiondesk.outreach;

import com.collectiondesk.system.PublicAddress;
import com.twilio.exception.ApiException;
import com.twilio.http.TwilioRestClient;
import com.twilio.rest.api.v2010.account.Call;
import com.twilio.rest.api.v2010.account.CallCreator;
import com.twilio.rest.api.v2010.account.Message;
import com.twilio.rest.api.v2010.account.MessageCreator;
import com.twilio.type.PhoneNumber;
import com.twilio.type.Twiml;
import java.net.URI;
import org.springframework.stereotype.Component;

/** Twilio's Messages and Calls APIs through the real SDK, with the status callback set on every send. */
@Component
class TwilioGateway {

    static final String STATUS_PATH = "/webhooks/twilio/status";

    private final TwilioSettings settings;
    private final PublicAddress publicAddress;
    private volatile TwilioRestClient client;

    TwilioGateway(TwilioSettings settings, PublicAddress publicAddress) {
        this.settings = settings;
        this.publicAddress = publicAddress;
    }

    /** An SMS sender: a messaging service if set, else a number; a call is made from the number. */
    record SmsFrom(String number, String messagingServiceSid) {

        boolean usesMessagingService() {
            return messagingServiceSid != null && !messagingServiceSid.isBlank();
        }
    }

    /** Returns the Message SID. */
    String sendSms(String to, String body, SmsFrom from) {
        MessageCreator creator = from.usesMessagingService()
                ? Message.creator(new PhoneNumber(to), from.messagingServiceSid(), body)
                : Message.creator(new PhoneNumber(to), new PhoneNumber(requireFrom(from.number())), body);
        return accepted(() -> creator.setStatusCallback(statusCallback()).create(client()).getSid());
    }

    /** What SMS are sent from: the messaging service if set, else the number. */
    String smsSender() {
        return usesMessagingService() ? settings.messagingServiceSid() : callSender();
    }

    String callSender() {
        return settings.from() == null || settings.from().isBlank() ? "twilio" : settings.from();
    }

    private boolean usesMessagingService() {
        return settings.messagingServiceSid() != null && !settings.messagingServiceSid().isBlank();
    }

    /** Returns the Call SID. */
    String call(String to, String twiml, SmsFrom from) {
        String number = from.number() == null || from.number().isBlank() ? settings.from() : from.number();
        CallCreator creator = Call.creator(new PhoneNumber(to), new PhoneNumber(requireFrom(number)), new Twiml(twiml));
        return accepted(() -> creator.setStatusCallback(statusCallback()).create(client()).getSid());
    }

    /** Twilio's refusals name the HTTP status and Twilio's error code, as an operator sees them in Cockpit. */
    private static String accepted(java.util.function.Supplier<String> request) {
        try {
            return request.get();
        } catch (ApiException refused) {
            throw new IllegalStateException("Twilio did not accept the request: HTTP " + refused.getStatusCode()
                    + ", Twilio error " + refused.getCode() + ": " + refused.getMessage(), refused);
        }
    }

    private URI statusCallback() {
        return URI.create(publicAddress.of(STATUS_PATH));
    }

    private static String requireFrom(String number) {
        if (number == null || number.isBlank()) {
            throw new IllegalStateException("collection.twilio.from: set the sending number (or messaging-service-sid for SMS)");
        }
        return number;
    }

    private TwilioRestClient client() {
        TwilioRestClient existing = client;
        if (existing == null) {
            settings.requireCredentials();
            existing = new TwilioRestClient.Builder(settings.accountSid(), settings.authToken())
                    .httpClient(new TwilioHttpClient(settings.apiBaseUrl())).build();
            client = existing;
        }
        return existing;
    }
}
