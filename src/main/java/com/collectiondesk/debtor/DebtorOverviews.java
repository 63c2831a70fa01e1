package com.collectiondesk.debtor;

import com.collectiondesk.errors.NotFound;
import com.collectiondesk.ledger.LedgerQueries;
import com.collectiondesk.ledger.LedgerViews.CustomerView;
import com.collectiondesk.ticket.TicketQueries;
import com.collectiondesk.ticket.TicketViews;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The debtor at a glance: the ledger's account (contact points, consents, invoices with DPD, payments and their
 * allocations) and every ticket, open and closed, with its plan, contacts, promises, disputes and decisions.
 */
@Service
@Transactional(readOnly = true)
class DebtorOverviews {

    /** {@code tickets}: newest first, each as {@code GET /api/tickets/{number}} answers it. */
    record Overview(CustomerView customer, List<TicketViews.Detail> tickets) {
    }

    private final LedgerQueries ledger;
    private final TicketQueries tickets;

    DebtorOverviews(LedgerQueries ledger, TicketQueries tickets) {
        this.ledger = ledger;
        this.tickets = tickets;
    }

    Overview of(String customerId) {
        Long pk = ledger.findDebtorPk(customerId).orElseThrow(() -> new NotFound("No customer '" + customerId + "'"));
        return new Overview(ledger.account(customerId), tickets.detailsOf(pk));
    }
}
