package com.collectiondesk.selfservice;

/** A webhook whose signature does not hold: answered 401, nothing read or booked. */
class WebhookSignatureRefused extends RuntimeException {

    WebhookSignatureRefused(String reason) {
        super(reason);
    }
}
