package com.collectiondesk.outreach;

import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code collection.outreach.pacing.*}: how many sends per second each sender takes (Twilio: about 1 SMS segment
 * per second per long code, 3 per toll-free number, 10–100 per short code, a messaging service its numbers'
 * sum; it queues the rest for hours). 0 sends unpaced. The sandbox and letters are never paced. An email batch
 * reuses one SMTP connection for up to {@code emailBatchSize} messages while sends follow each other within
 * {@code emailConnectionIdle}.
 */
@Validated
@ConfigurationProperties("collection.outreach.pacing")
record PacingSettings(
        @DefaultValue("1") @PositiveOrZero double smsPerSecond,
        @DefaultValue("1") @PositiveOrZero double voicePerSecond,
        @DefaultValue("10") @PositiveOrZero double emailPerSecond,
        @DefaultValue("100") @Positive int emailBatchSize,
        @DefaultValue("PT5S") Duration emailConnectionIdle) {

    /** The time one send takes of its sender's rate, or null when the channel is not paced. */
    Duration intervalOf(Channel channel) {
        double perSecond = switch (channel) {
            case SMS -> smsPerSecond;
            case VOICE -> voicePerSecond;
            case EMAIL -> emailPerSecond;
            default -> 0;
        };
        // microseconds: what a timestamp column keeps
        return perSecond <= 0 ? null : Duration.ofNanos(Math.round(1_000_000 / perSecond) * 1000);
    }
}
