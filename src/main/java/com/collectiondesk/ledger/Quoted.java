package com.collectiondesk.ledger;

/**
 * A value as an answer quotes it back: short values whole, long ones cut, so a hostile multi-megabyte cell or
 * header name costs a few dozen characters in the answer instead of its own size.
 */
final class Quoted {

    static final int SHOWN = 40;

    private Quoted() {
    }

    static String of(String value) {
        if (value.length() <= SHOWN) {
            return "'" + value + "'";
        }
        return "'" + value.substring(0, SHOWN) + "…' (" + value.length() + " characters)";
    }
}
