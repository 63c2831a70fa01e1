package com.collectiondesk.ticket;

/** An event the ticket's current state does not expect; the API answers 409. */
public class TicketConflictException extends RuntimeException {

    public TicketConflictException(String message) {
        super(message);
    }
}
