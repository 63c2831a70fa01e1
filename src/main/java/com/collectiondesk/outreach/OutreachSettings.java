package com.collectiondesk.outreach;

import com.collectiondesk.system.RetrySetting;
import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code collection.outreach.*}: the transport of each channel ({@code sandbox} unless set to the real one),
 * who we are in messages, who emails come from, and the retry cycle of the ticket process's sends (growing delays,
 * then an incident).
 */
@Validated
@ConfigurationProperties("collection.outreach")
public record OutreachSettings(
        @DefaultValue Channel sms,
        @DefaultValue Channel voice,
        @DefaultValue Channel email,
        @DefaultValue Channel letter,
        @DefaultValue("Collection Desk") String companyName,
        @DefaultValue("collections@example.com") String emailFrom,
        @DefaultValue("PT1M,PT5M,PT30M") @NotBlank String retryCycle) implements RetrySetting {

    @Override
    public String feature() {
        return "outreach";
    }


    static final String SANDBOX = "sandbox";

    record Channel(@DefaultValue(SANDBOX) String transport) {
    }

    /**
     * {@code sandbox}, {@code twilio} (SMS, VOICE), {@code smtp} (EMAIL) or {@code pdf} (LETTER). (The nested
     * {@link Channel} is this file's settings record, hence the full name of the enum.)
     */
    String transportOf(com.collectiondesk.outreach.Channel channel) {
        return switch (channel) {
            case SMS -> sms.transport();
            case VOICE -> voice.transport();
            case EMAIL -> email.transport();
            case LETTER -> letter.transport();
            case CALL, ESCALATE, BLOCK_SERVICE -> throw new IllegalArgumentException("channel: no outreach transport for " + channel);
        };
    }
}
