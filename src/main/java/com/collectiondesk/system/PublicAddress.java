package com.collectiondesk.system;


import org.springframework.stereotype.Component;

/**
 * {@code collection.public-base-url}: where Twilio and debtors' mail clients reach this service. Status callbacks
 * and unsubscribe links are built on it, and webhook signatures are checked against it.
 */
@Component
public class PublicAddress {

    private final String baseUrl;

    PublicAddress(PublicLinks links) {
        this.baseUrl = links.publicBaseUrl();
    }

    /** The base URL itself; the API's cross-site check accepts requests from pages at its origin. */
    public String baseUrl() {
        return baseUrl;
    }

    /** The base URL followed by {@code path} (which starts with a slash). */
    public String of(String path) {
        return baseUrl + path;
    }
}
