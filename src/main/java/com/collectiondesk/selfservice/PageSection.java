package com.collectiondesk.selfservice;

import java.util.Map;

/**
 * A part of the debtor's page after the second factor that a feature of its own adds (its form and what it shows),
 * below paying and promising, in the order of the beans' {@code @Order}; its form posts to the feature's own handler
 * under the page's path.
 */
interface PageSection {

    String html(Context context);

    /** What this answer gives the section: whose page, in which words, where forms post, the CSRF token, the last action. */
    record Context(DebtorLink link, DebtorAccount account, Words words, String base, String query, String csrf,
                   SelfServicePage.Shown shown) {

        /** The address a form posts its action to, in the page's language. */
        String action(String name) {
            return base + "/" + name + query;
        }

        /** The last action's errors per field. */
        Map<String, String> errors() {
            return shown.errors();
        }

        /** What the debtor typed in the last action, shown again with its errors. */
        Map<String, String> typed() {
            return shown.typed();
        }
    }
}
