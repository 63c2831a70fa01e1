package com.collectiondesk.ledger;

import java.util.Map;

/**
 * One incoming record as text by column name, whether it came from a CSV row or a JSON body, so both
 * go through the same validation. Blank cells read as {@code null}.
 */
public record Fields(int row, Map<String, String> values) {

    public String get(String column) {
        String value = values.get(column);
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** Free text (names, addresses) is kept exactly as written, leading formula characters, tabs and CRs included. */
    public String text(String column) {
        String value = values.get(column);
        return value == null || value.isBlank() ? null : value;
    }
}
