package com.collectiondesk.selfservice;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMax;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code collection.self-service.stripe.*}, read when {@code payment-provider: stripe}: the secret API key
 * ({@code COLLECTION_STRIPE_SECRET_KEY}) and the webhook endpoint's signing secret ({@code COLLECTION_STRIPE_WEBHOOK_SECRET}),
 * how old a webhook's signed timestamp may be, and {@code api-base} (empty: the SDK's own; tests point it at a local stub).
 */
@Validated
@ConfigurationProperties("collection.self-service.stripe")
public record StripeSettings(
        @DefaultValue("") String apiBase,
        @DefaultValue("") String secretKey,
        @DefaultValue("") String webhookSecret,
        @DefaultValue("PT5M") @NotNull @DurationMin(seconds = 1) @DurationMax(hours = 1) Duration signatureTolerance) {
}
