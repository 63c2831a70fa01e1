package com.collectiondesk.erp;

import com.collectiondesk.system.RetrySetting;
import jakarta.validation.constraints.NotBlank;
import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code collection.erp.*}: which adapter ({@code built-in} or {@code rest}), where the ERP is, timeouts, and the
 * retry cycle of the ticket process's ERP steps. Credentials never live here: {@link ErpCredentials}.
 */
@Validated
@ConfigurationProperties("collection.erp")
public record ErpProperties(@DefaultValue("built-in") @NotBlank String type, URI baseUrl,
                            @DefaultValue("5s") Duration connectTimeout, @DefaultValue("30s") Duration readTimeout,
                            @DefaultValue("R3/PT1M") @NotBlank String retryCycle) implements RetrySetting {

    @Override
    public String feature() {
        return "erp";
    }
}
