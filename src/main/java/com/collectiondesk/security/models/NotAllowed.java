package com.collectiondesk.security.models;

/** Why one expression, attribute or resource may not be deployed; becomes part of the refusal message. */
final class NotAllowed extends Exception {

    NotAllowed(String reason) {
        super(reason, null, false, false);
    }
}
