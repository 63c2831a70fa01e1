package com.collectiondesk.ledger;

import jakarta.validation.constraints.NotEmpty;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/** {@code collection.ledger.*}: the product types a contract may have (required; the import refuses others). */
@Validated
@ConfigurationProperties("collection.ledger")
public record LedgerSettings(@NotEmpty List<String> productTypes) {
}
