package com.collectiondesk.risk;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code collection.risk.weights.*}: the most points each part of the behavioural score can give (README,
 * "Behavioural risk score"). The risk parts' defaults add up to 1000; kept promises and upheld disputes are credits
 * that take points off. A part gives its full weight once its fact reaches the part's saturation point.
 */
@Validated
@ConfigurationProperties("collection.risk")
public record RiskSettings(@DefaultValue @Valid Weights weights) {

    public record Weights(
            @DefaultValue("200") @Min(0) @Max(1000) int daysLate,
            @DefaultValue("80") @Min(0) @Max(1000) int trend,
            @DefaultValue("150") @Min(0) @Max(1000) int lateShare,
            @DefaultValue("200") @Min(0) @Max(1000) int currentDpd,
            @DefaultValue("120") @Min(0) @Max(1000) int overdueShare,
            @DefaultValue("100") @Min(0) @Max(1000) int brokenPromises,
            @DefaultValue("80") @Min(0) @Max(1000) int relapses,
            @DefaultValue("70") @Min(0) @Max(1000) int tenure,
            @DefaultValue("50") @Min(0) @Max(1000) int keptPromises,
            @DefaultValue("30") @Min(0) @Max(1000) int disputesUpheld) {

        /** Names the weights a score was computed with, so a stored score says which formula gave it. */
        String fingerprint() {
            return Integer.toHexString(java.util.Objects.hash(daysLate, trend, lateShare, currentDpd, overdueShare,
                    brokenPromises, relapses, tenure, keptPromises, disputesUpheld));
        }
    }
}
