package com.collectiondesk.ledger;

/** Who computed a charge: our rules, or the ERP (imported, never recomputed here). */
public enum ChargeSource {
    OURS, ERP
}
