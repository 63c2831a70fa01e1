package com.collectiondesk.outreach;

import java.util.Locale;

/**
 * A template filled for one debtor: the subject (email and letter), the plain text and the same text as an
 * HTML fragment with every value escaped; {@code labels} are the debtor's language's fixed words; {@code payLink}
 * is the debtor's page link the text carries (a letter prints it as a QR code too).
 */
record RenderedMessage(String subject, String text, String htmlBody, Locale locale, Labels labels, String payLink) {

    /** What the contact history keeps: the subject, if any, above the text. */
    String fullText() {
        return subject == null ? text : subject + "\n\n" + text;
    }
}
