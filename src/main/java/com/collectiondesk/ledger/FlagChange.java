package com.collectiondesk.ledger;

/** A safeguard flag an import changed on an existing customer, so clearing one is never silent. */
public record FlagChange(int row, String customerId, String field, boolean from, boolean to) {
}
