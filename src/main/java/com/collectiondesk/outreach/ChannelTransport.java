package com.collectiondesk.outreach;

import java.util.Set;

/** One way of delivering a rendered message; the configuration picks one per channel by {@link #name()}. */
interface ChannelTransport {

    /** As written in {@code collection.outreach.<channel>.transport}. */
    String name();

    Set<Channel> channels();

    /** Hands the message to the provider; throws when the provider did not accept it (the job retries). */
    OutreachReceipt deliver(OutreachMessage message, RenderedMessage rendered);

    /**
     * Who the provider counts this channel's sends against (a number, a messaging service, an SMTP host), whose
     * pace the outbox keeps; null for transports that no provider limits (the sandbox, letters).
     */
    default String senderOf(Channel channel) {
        return null;
    }

    /**
     * Who the provider counts a send to a debtor of this legal entity against: the entity's own sender where the
     * transport sends from one (its Twilio number or messaging service), else the channel's.
     */
    default String senderOf(Channel channel, String legalEntity) {
        return senderOf(channel);
    }
}
