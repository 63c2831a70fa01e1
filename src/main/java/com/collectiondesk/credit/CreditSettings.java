package com.collectiondesk.credit;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import java.math.BigDecimal;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code collection.credit.*}: the suggested credit limit's parameters (README, "Credit limits from the score").
 * suggested = min(max-limit, rounded down to {@code rounding}(max(exposure, invoiced in 12 months / 12 × months-of-sales)
 * × the score band's factor)). A review starts when the suggestion differs from the current limit by at least
 * {@code min-change-percent}; at most {@code max-reviews-per-scan} a day, the rest the next day.
 */
@Validated
@ConfigurationProperties("collection.credit")
public record CreditSettings(
        @DefaultValue("EUR") @Pattern(regexp = "[A-Z]{3}") String currency,
        @DefaultValue("2") @DecimalMin("0.1") @DecimalMax("24") BigDecimal monthsOfSales,
        @DefaultValue("100") @DecimalMin("0.01") BigDecimal rounding,
        @DefaultValue("1000000") @DecimalMin("0") @DecimalMax("999999999.99") BigDecimal maxLimit,
        @DefaultValue("5") @DecimalMin("0") @DecimalMax("100") BigDecimal minChangePercent,
        @DefaultValue("500") @Min(0) @Max(100_000) int maxReviewsPerScan,
        @DefaultValue @Valid Bands bands) {

    /**
     * The score bands: LOW below {@code low-below}, MEDIUM below {@code medium-below}, HIGH below {@code high-below},
     * VERY_HIGH from there; each band's factor multiplies the reference amount.
     */
    public record Bands(@DefaultValue("250") @Min(1) @Max(1000) int lowBelow,
                        @DefaultValue("1.5") @DecimalMin("0") @DecimalMax("10") BigDecimal lowFactor,
                        @DefaultValue("500") @Min(1) @Max(1000) int mediumBelow,
                        @DefaultValue("1.0") @DecimalMin("0") @DecimalMax("10") BigDecimal mediumFactor,
                        @DefaultValue("750") @Min(1) @Max(1000) int highBelow,
                        @DefaultValue("0.5") @DecimalMin("0") @DecimalMax("10") BigDecimal highFactor,
                        @DefaultValue("0") @DecimalMin("0") @DecimalMax("10") BigDecimal veryHighFactor) {

        public Bands {
            if (!(lowBelow < mediumBelow && mediumBelow < highBelow)) {
                throw new IllegalArgumentException("collection.credit.bands: low-below < medium-below < high-below, got "
                        + lowBelow + ", " + mediumBelow + ", " + highBelow);
            }
        }
    }
}
