package com.collectiondesk.ledger;

/** The API's JSON names the CSV column {@code paid_on} as {@code paidOn}. */
final class JsonNames {

    private JsonNames() {
    }

    static String of(String column) {
        StringBuilder name = new StringBuilder();
        boolean upper = false;
        for (char c : column.toCharArray()) {
            if (c == '_') {
                upper = true;
            } else {
                name.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return name.toString();
    }
}
