package com.collectiondesk.ledger;

/** Whom the law treats as what: interest rules differ for consumers and businesses (e.g. BGB §288 (1) and (2)). */
public enum DebtorKind {
    CONSUMER, BUSINESS
}
