package com.collectiondesk.ticket;

import com.collectiondesk.erp.TicketNotice;
import java.time.Instant;

/** What the ERP is told when a feature's event happens on a ticket (e.g. PROMISE, DISPUTE); the feature publishes it. */
public interface TicketNoticePart {

    String type();

    TicketNotice of(Ticket ticket, String customerId, Instant at);
}
