package com.collectiondesk.ticket;

import java.util.List;

/**
 * A feature's part of one ticket's detail (the plan's steps, contacts, promises, disputes), under the name the
 * ticket API shows it: the features that hang off a ticket publish their part, so the ticket depends on none of them.
 */
public interface TicketDetailPart {

    String name();

    List<?> of(Long ticketId);
}
