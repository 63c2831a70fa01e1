package com.collectiondesk.scan;

import com.collectiondesk.system.RetrySetting;
import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code collection.scan.*}: when the delinquency scan runs (a Quartz-style cron, server time) and how its job is
 * retried before it becomes an incident.
 */
@Validated
@ConfigurationProperties("collection.scan")
public record ScanSettings(
        @DefaultValue("0 0 6 * * ?") @NotBlank String cron,
        @DefaultValue("R3/PT5M") @NotBlank String retryCycle) implements RetrySetting {

    @Override
    public String feature() {
        return "scan";
    }
}
