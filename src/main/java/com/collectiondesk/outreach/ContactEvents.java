package com.collectiondesk.outreach;

/** What the providers tell us after a send; the ticket side records it on the debtor's tickets. */
public interface ContactEvents {

    /** Twilio's delivery status of this send (already on the send's record): for the ticket's timeline. */
    void deliveryStatus(String sendKey, Channel channel, String status);

    /** The debtor replied STOP (or a synonym): no more SMS to this number. */
    void smsOptOut(String phone, String reply);

    /** Any other reply: recorded on the ticket and handed to a collector. */
    void reply(String messageSid, String phone, String text);
}
