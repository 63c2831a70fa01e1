package com.collectiondesk.ledger;

/** The body as a whole cannot be imported (not CSV, or a required column is missing); nothing was stored. */
class CsvRefused extends RuntimeException {

    private final String column;

    CsvRefused(String column, String message) {
        super(message);
        this.column = column;
    }

    /** The missing column, or null when the problem is not about one column. */
    String column() {
        return column;
    }
}
