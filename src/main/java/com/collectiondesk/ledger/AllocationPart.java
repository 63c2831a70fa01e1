package com.collectiondesk.ledger;

/** What part of an invoice's debt a piece of a payment settled. */
public enum AllocationPart {
    FEE, INTEREST, PRINCIPAL;

    static AllocationPart of(ChargeKind kind) {
        return kind == ChargeKind.FEE ? FEE : INTEREST;
    }
}
