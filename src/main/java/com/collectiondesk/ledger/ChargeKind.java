package com.collectiondesk.ledger;

/** What a charge on an invoice is: late-payment interest, or a fee (a reminder's costs, a flat compensation). */
public enum ChargeKind {
    INTEREST, FEE
}
