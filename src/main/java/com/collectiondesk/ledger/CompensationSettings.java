package com.collectiondesk.ledger;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import java.math.BigDecimal;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code collection.ledger.b2b-compensation.*}: the flat compensation per late invoice of a business debtor
 * ({@link FlatCompensation}); off by default, 40.00 EUR when on, only on invoices in that currency.
 */
@Validated
@ConfigurationProperties("collection.ledger.b2b-compensation")
public record CompensationSettings(@DefaultValue("false") boolean enabled,
                                   @DefaultValue("40.00") @DecimalMin("0.01") BigDecimal amount,
                                   @DefaultValue("EUR") @NotBlank String currency,
                                   @DefaultValue("EU late payment: flat compensation") @NotBlank String rule) {
}
