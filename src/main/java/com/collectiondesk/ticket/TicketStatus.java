package com.collectiondesk.ticket;

/** Where a delinquency ticket stands; only CLOSED carries a {@link CloseReason}. */
public enum TicketStatus {
    OPEN, PROMISED, DISPUTED, ESCALATED, CLOSED
}
