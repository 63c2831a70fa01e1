package com.collectiondesk.selfservice;

import java.util.Map;

/**
 * A part of the page that a feature adds past the second factor (its own form and handler in its own classes),
 * rendered after the promise form in the order of the beans' {@code @Order}.
 */
interface PageSection {

    String html(Form form);

    /** What a section needs to draw its form: where forms post, the CSRF token, the account, the errors and typed values. */
    record Form(String base, String query, String csrf, DebtorLink link, DebtorAccount account, Words words, Map<String, String> errors,
                Map<String, String> typed) {

        /** The address a form posts its action to, in the page's language. */
        String action(String name) {
            return base + "/" + name + query;
        }
    }
}
