package com.collectiondesk.ticket;

/** One open ticket's id, its debtor and currency: the scan matches them to the ledger's overdue positions. */
public record OpenTicketKey(Long ticketId, Long customerPk, String currency) {
}
