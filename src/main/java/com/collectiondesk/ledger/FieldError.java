package com.collectiondesk.ledger;

/** One problem with one field of one record; {@code row} is the spreadsheet row (header = 1), 0 for API calls. */
public record FieldError(int row, String field, String message) {
}
