package com.collectiondesk.outreach;

/**
 * Sends one message to a debtor over SMS, email, letter or automated voice. Implementations must be
 * idempotent per {@link OutreachMessage#sendKey()}: the caller may retry a failed job with the same key.
 */
public interface OutreachPort {

    OutreachReceipt send(OutreachMessage message);
}
