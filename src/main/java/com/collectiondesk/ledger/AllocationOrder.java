package com.collectiondesk.ledger;

/**
 * The order a payment settles what a debtor owes. Either way the invoice the payment references comes first.
 */
public enum AllocationOrder {
    /** Costs (fees), then interest, then principal, each oldest invoice first: the German default, BGB §367. */
    COSTS_INTEREST_PRINCIPAL,
    /** Principal oldest invoice first, then the charges (each invoice's fees, then its interest), oldest first. */
    PRINCIPAL_THEN_CHARGES
}
