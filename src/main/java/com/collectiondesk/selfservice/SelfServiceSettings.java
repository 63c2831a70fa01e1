package com.collectiondesk.selfservice;

import com.collectiondesk.security.ProductionSecret;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code collection.self-service.*}: where the debtor's page is reached ({@code base-url}, links are
 * {@code <base-url>/s/<token>}), how long a link holds, which second factor opens the details and how many wrong
 * answers lock a link, the per-link and per-address request limits, and the secret the payment provider signs its
 * webhooks with ({@code COLLECTION_SELF_SERVICE_WEBHOOK_SECRET}) and the one the page derives its CSRF tokens from
 * ({@code COLLECTION_SELF_SERVICE_PAGE_SECRET}); the development defaults are refused by the postgres profile.
 */
@Validated
@ConfigurationProperties("collection.self-service")
public record SelfServiceSettings(
        @DefaultValue("http://localhost:8080") @NotBlank String baseUrl,
        @DefaultValue("P30D") @NotNull @DurationMin(minutes = 1) Duration linkValidity,
        @DefaultValue("POSTAL_CODE") @NotNull SecondFactor secondFactor,
        @DefaultValue("4") @Min(3) int invoiceDigits,
        @DefaultValue("5") @Min(1) int secondFactorAttempts,
        @DefaultValue("30") @Min(1) int requestsPerMinutePerLink,
        @DefaultValue("60") @Min(1) int requestsPerMinutePerAddress,
        @DefaultValue("sandbox") @NotBlank String paymentProvider,
        @DefaultValue(SelfServiceSettings.DEVELOPMENT_SECRET) String webhookSecret,
        @DefaultValue(SelfServiceSettings.DEVELOPMENT_SECRET) String pageSecret) implements ProductionSecret {

    public static final String DEVELOPMENT_SECRET = "development-only-self-service-secret";

    @Override
    public boolean lacksRealSecret() {
        return weak(webhookSecret) || weak(pageSecret);
    }

    @Override
    public String whatToSet() {
        return "COLLECTION_SELF_SERVICE_WEBHOOK_SECRET and COLLECTION_SELF_SERVICE_PAGE_SECRET (payment webhooks and the"
                + " debtor page's CSRF tokens would rest on the development default)";
    }

    private static boolean weak(String secret) {
        return secret == null || secret.isBlank() || DEVELOPMENT_SECRET.equals(secret);
    }
}
