package com.collectiondesk.selfservice;

/**
 * A part of the debtor's page after the second factor that a feature of its own adds (its form and what it shows),
 * below paying and promising; its form posts to the feature's own handler under the page's path.
 */
interface PageSection {

    /** What this answer gives the section: whose page, in which words, where forms post, the CSRF token, the last action. */
    record Context(DebtorLink link, DebtorAccount account, Words words, String base, String query, String csrf,
                   SelfServicePage.Shown shown) {
    }

    String html(Context context);
}
