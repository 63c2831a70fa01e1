package com.collectiondesk.system;

import java.math.BigDecimal;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code collection.contact-costs.*}: what one contact costs us, per channel, in {@code currency}, for the strategy
 * lab's cost per amount collected and the dry-run's cost. Calls are priced per minute; call durations are not
 * recorded, so every call (a collector's or an automated VOICE call) counts {@code call-minutes}. An escalation is a
 * hand-over, not a contact: it costs nothing here. README, "Dry-run of a model change".
 */
@ConfigurationProperties("collection.contact-costs")
public record ContactUnitCosts(@DefaultValue("EUR") String currency,
                               @DefaultValue("0.08") BigDecimal sms,
                               @DefaultValue("0.01") BigDecimal email,
                               @DefaultValue("1.20") BigDecimal letter,
                               @DefaultValue("0.25") BigDecimal callMinute,
                               @DefaultValue("3") BigDecimal callMinutes) {

    public ContactUnitCosts {
        for (BigDecimal cost : new BigDecimal[] {sms, email, letter, callMinute, callMinutes}) {
            if (cost.signum() < 0) {
                throw new IllegalArgumentException("collection.contact-costs: a cost is zero or more, not " + cost);
            }
        }
    }

    /** One contact on the channel named as the strategy and the contact attempts name it (SMS, CALL, …). */
    public BigDecimal perContact(String channel) {
        return switch (channel) {
            case "SMS" -> sms;
            case "EMAIL" -> email;
            case "LETTER" -> letter;
            case "CALL", "VOICE" -> callMinute.multiply(callMinutes);
            default -> BigDecimal.ZERO;
        };
    }
}
