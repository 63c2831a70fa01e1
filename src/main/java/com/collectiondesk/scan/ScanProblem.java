package com.collectiondesk.scan;

import com.collectiondesk.ticket.Ticket;

/** A customer the scan skipped because it could not process them: the customer's id only, no personal data. */
record ScanProblem(String customerId, String currency, String reason) {

    static final String OVER_LIMIT = "overdue amount exceeds the ticket's limit of " + Ticket.MAX_AMOUNT.toPlainString();
    static final String REFUSED_BY_DATABASE = "the database refused the ticket's values; the service log has the error";
    static final String FAILED = "could not be processed; the service log has the error";
}
