package com.collectiondesk.outreach;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** A misspelt transport stops the service at start with the property to fix, instead of failing sends later. */
class TransportSelectionTest {

    @Test
    void anUnknownTransportNamesThePropertyAndTheChoices() {
        OutreachSettings.Channel sandbox = new OutreachSettings.Channel("sandbox");
        OutreachSettings settings = new OutreachSettings(new OutreachSettings.Channel("twillio"), sandbox, sandbox, sandbox,
                "Collection Desk", "collections@example.com", "PT1M,PT5M,PT30M");

        assertThatThrownBy(() -> new ChannelTransports(settings, null, List.of(new SandboxTransport(), new TwilioTransport(null, null))))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("collection.outreach.sms.transport: 'twillio' is not a transport for SMS; use one of [sandbox, twilio]");
    }
}
