package com.collectiondesk.selfservice;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code collection.self-service.plans.*}: the grace days after an instalment's due date before the plan counts as
 * broken, and the most instalments the page lets a debtor ask for at all (the policy decides which are approved at once).
 */
@Validated
@ConfigurationProperties("collection.self-service.plans")
public record PaymentPlanSettings(
        @DefaultValue("3") @Min(0) @Max(60) int graceDays,
        @DefaultValue("24") @Min(2) @Max(120) int mostInstalmentsAsked) {
}
