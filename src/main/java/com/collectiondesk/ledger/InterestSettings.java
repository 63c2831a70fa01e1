package com.collectiondesk.ledger;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code collection.ledger.interest.*}: late-payment interest. Each invoice takes the first rule whose debtor kind
 * and product types match (empty: any); a rule charges the reference rate valid on each day plus its margin, or a
 * fixed annual rate, never above its {@code maxRate} when one is set. Rates are percent a year.
 */
@Validated
@ConfigurationProperties("collection.ledger.interest")
public record InterestSettings(@DefaultValue("false") boolean enabled,
                               @DefaultValue("ACT_365") DayCount dayCount,
                               @DefaultValue List<@Valid ReferenceRate> referenceRates,
                               @DefaultValue List<@Valid Rule> rules) {

    /** The reference rate (e.g. the Bundesbank's base rate, half-yearly) valid from a day until the next one. */
    public record ReferenceRate(@NotNull LocalDate from, @NotNull @DecimalMin("-10") @DecimalMax("100") BigDecimal rate) {
    }

    public record Rule(@NotBlank String name, DebtorKind debtorKind, @DefaultValue List<String> productTypes,
                       @DecimalMin("0") @DecimalMax("100") BigDecimal margin,
                       @DecimalMin("0") @DecimalMax("100") BigDecimal fixedRate,
                       @DecimalMin("0") @DecimalMax("100") BigDecimal maxRate) {

        @AssertTrue(message = "a rule has either a margin over the reference rate or a fixed rate, not both")
        public boolean isMarginOrFixed() {
            return (margin == null) != (fixedRate == null);
        }

        boolean applies(String productType, DebtorKind kind) {
            return (debtorKind == null || debtorKind == kind)
                    && (productTypes.isEmpty() || productTypes.stream().anyMatch(productType::equalsIgnoreCase));
        }
    }
}
