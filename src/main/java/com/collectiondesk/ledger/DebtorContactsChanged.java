package com.collectiondesk.ledger;

/**
 * Published (Spring application event, inside the writing transaction) when a stored debtor's name, phone or
 * e-mail changed, by a CSV import or the API: whatever shows or finds the debtor by them (the Tasklist's search
 * variables on open tasks) refreshes its copy.
 */
public record DebtorContactsChanged(Long customerPk) {
}
