package com.collectiondesk.ledger;

import java.util.List;

/** A single record sent to the API failed validation; answered as 400 naming each field. */
class RecordRejected extends RuntimeException {

    private final String what;
    private final List<FieldError> errors;

    RecordRejected(String what, List<FieldError> errors) {
        super(what + " rejected: " + errors);
        this.what = what;
        this.errors = List.copyOf(errors);
    }

    String what() {
        return what;
    }

    List<FieldError> errors() {
        return errors;
    }
}
