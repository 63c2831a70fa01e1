package com.collectiondesk.outreach;

/** What was sent: the rendered text, the provider's id for it, and whether it only went to the sandbox. */
public record OutreachReceipt(String renderedText, String providerId, boolean sandbox) {
}
