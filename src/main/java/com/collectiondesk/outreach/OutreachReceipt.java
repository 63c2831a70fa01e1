package com.collectiondesk.outreach;

/**
 * What was sent: the rendered text, the provider's id for it, how many SMS segments it took (0 for other
 * channels) and whether it only went to the sandbox.
 */
public record OutreachReceipt(String renderedText, String providerId, int segments, boolean sandbox) {
}
