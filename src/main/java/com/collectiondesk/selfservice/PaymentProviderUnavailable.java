package com.collectiondesk.selfservice;

/** The provider could not open a checkout (down, refused our key): the page says so and nothing is stored. */
class PaymentProviderUnavailable extends RuntimeException {

    PaymentProviderUnavailable(String reason, Throwable cause) {
        super(reason, cause);
    }
}
