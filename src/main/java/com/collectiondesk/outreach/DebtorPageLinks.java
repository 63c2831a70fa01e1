package com.collectiondesk.outreach;

/**
 * The link every message carries to the debtor's own page ({@code {{payLink}}} in the templates). The self-service
 * module implements it; outreach asks for a link per message, so each message renews the debtor's access.
 */
public interface DebtorPageLinks {

    /** A link for this ticket and debtor, to be sent over {@code channel} (opening it tells which channel it came by). */
    String linkFor(String ticketNumber, Long customerId, Channel channel);
}
