package com.collectiondesk.erp;

/**
 * The ERP as the ticket process sees it: refresh one customer's invoices and payments into the ledger,
 * and tell the ERP what happened on a ticket. Failures are thrown; the calling job retries and ends in
 * an incident.
 */
public interface ErpConnector {

    /** Brings the ledger's copy of this customer's invoices and payments up to date. */
    void pull(String customerId);

    /** Tells the ERP about a ticket event (opened, promise, dispute, closed). */
    void push(TicketNotice notice);

    /** Tells the ERP to book one of our charges (interest, a fee); a repeated charge key with the same amount is one booking. */
    void pushCharge(com.collectiondesk.ledger.ChargeToPush charge);

    /** Tells the ERP a credit limit we approved; a repeated change key is one booking. */
    void pushCreditLimit(CreditLimitNotice limit);
}
