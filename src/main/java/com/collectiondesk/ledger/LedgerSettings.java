package com.collectiondesk.ledger;

import jakarta.validation.constraints.NotEmpty;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code collection.ledger.*}: the product types a contract may have (required; the import refuses others), and
 * the order payments settle fees, interest and principal (BGB §367 by default).
 */
@Validated
@ConfigurationProperties("collection.ledger")
public record LedgerSettings(@NotEmpty List<String> productTypes,
                             @DefaultValue("COSTS_INTEREST_PRINCIPAL") AllocationOrder allocationOrder) {
}
