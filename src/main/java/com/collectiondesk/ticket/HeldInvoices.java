package com.collectiondesk.ticket;

import java.time.LocalDate;
import java.util.Collection;
import java.util.Set;

/**
 * Which of a debtor's invoices are on hold on a day; the hold feature publishes it, so the ticket depends on no hold.
 * Their money stays overdue on the ticket but leaves the strategy's total ({@link Ticket#getStrategyAmount()}).
 */
public interface HeldInvoices {

    Set<Long> heldAmong(Long customerPk, Collection<Long> invoicePks, LocalDate on);

    /** Of these invoices of these debtors, those on hold on the day: what a chunk of tickets reads at once. */
    default Set<Long> heldAmongAll(Collection<Long> customerPks, Collection<Long> invoicePks, LocalDate on) {
        Set<Long> held = new java.util.HashSet<>();
        customerPks.forEach(customerPk -> held.addAll(heldAmong(customerPk, invoicePks, on)));
        return held;
    }
}
