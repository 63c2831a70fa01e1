package com.collectiondesk.ledger;

/**
 * Why collection on a ticket or an invoice is paused (module {@code hold}); kept here because the ERP's import names
 * them too ({@code hold_reason} on invoices) and the ledger validates its rows.
 */
public enum HoldReason {
    INSOLVENCY, DECEASED, BEREAVEMENT, HARDSHIP, COMPLAINT, LEGAL_REVIEW, OTHER;

    /** Insolvency and death stop all automated contact with the debtor, on every ticket, not only the held one. */
    public boolean stopsAllContact() {
        return this == INSOLVENCY || this == DECEASED;
    }
}
