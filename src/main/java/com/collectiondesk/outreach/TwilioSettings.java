package com.collectiondesk.outreach;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code collection.twilio.*}: credentials from the environment ({@code TWILIO_ACCOUNT_SID},
 * {@code TWILIO_AUTH_TOKEN}), the sender ({@code from} or a messaging service), and the API base URL, which
 * tests point at a Twilio-compatible stub.
 */
@ConfigurationProperties("collection.twilio")
record TwilioSettings(
        String accountSid,
        String authToken,
        String from,
        String messagingServiceSid,
        @DefaultValue("https://api.twilio.com") String apiBaseUrl) {

    void requireCredentials() {
        if (accountSid == null || accountSid.isBlank()) {
            throw new IllegalStateException("collection.twilio.account-sid: set TWILIO_ACCOUNT_SID to use the twilio transport");
        }
        if (authToken == null || authToken.isBlank()) {
            throw new IllegalStateException("collection.twilio.auth-token: set TWILIO_AUTH_TOKEN to use the twilio transport");
        }
    }
}
