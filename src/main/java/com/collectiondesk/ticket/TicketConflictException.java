package com.collectiondesk.ticket;

import com.collectiondesk.errors.Conflict;

/** An event the ticket's current state does not expect; the API answers 409. */
public class TicketConflictException extends Conflict {

    public TicketConflictException(String message) {
        super("Not expected in the ticket's state", message);
    }
}
