package com.collectiondesk.selfservice;

import com.collectiondesk.ledger.LedgerQueries;
import com.collectiondesk.system.BusinessClock;
import com.collectiondesk.ticket.Ticket;
import com.collectiondesk.ticket.TicketService;
import com.collectiondesk.ticket.TicketStatus;
import java.math.BigDecimal;
import java.util.Locale;
import org.springframework.stereotype.Component;

/** Reads the link's ticket and debtor for the page. */
@Component
class DebtorAccounts {

    private final TicketService tickets;
    private final LedgerQueries ledger;
    private final BusinessClock clock;

    DebtorAccounts(TicketService tickets, LedgerQueries ledger, BusinessClock clock) {
        this.tickets = tickets;
        this.ledger = ledger;
        this.clock = clock;
    }

    DebtorAccount of(DebtorLink link) {
        Ticket ticket = tickets.get(link.ticketId());
        LedgerQueries.DebtorFacts debtor = ledger.debtor(link.customerPk());
        String language = Words.languageOf(debtor.language());
        Locale locale = debtor.country() == null ? Locale.forLanguageTag(language) : new Locale(language, debtor.country());
        BigDecimal due = ticket.isClosed() ? BigDecimal.ZERO : ticket.getOverdueAmount();
        var invoices = ledger.overdue(ticket.getCustomerPk(), ticket.getCurrency(), clock.todayIn(debtor.zone())).stream()
                .map(invoice -> new DebtorAccount.Invoice(invoice.invoiceNumber(), invoice.dueDate(), invoice.openAmount()))
                .toList();
        return new DebtorAccount(ticket.getTicketNumber(), ticket.getId(), debtor.customerId(), debtor.name(), language, locale,
                ticket.getCurrency(), due, debtor.address(), ticket.getSegment(), ticket.getStatus() == TicketStatus.PROMISED, invoices);
    }
}
