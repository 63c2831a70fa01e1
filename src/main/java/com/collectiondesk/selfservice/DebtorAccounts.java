package com.collectiondesk.selfservice;

import com.collectiondesk.ledger.LedgerQueries;
import com.collectiondesk.system.BusinessClock;
import com.collectiondesk.ticket.Ticket;
import com.collectiondesk.ticket.TicketService;
import com.collectiondesk.ticket.TicketStatus;
import java.math.BigDecimal;
import java.util.Locale;
import java.util.Optional;
import com.collectiondesk.dispute.Dispute;
import com.collectiondesk.dispute.DisputeService;
import org.springframework.stereotype.Component;

/** Reads the link's ticket and debtor for the page. */
@Component
class DebtorAccounts {

    private final TicketService tickets;
    private final LedgerQueries ledger;
    private final BusinessClock clock;
    private final DisputeService disputes;

    DebtorAccounts(TicketService tickets, LedgerQueries ledger, BusinessClock clock, DisputeService disputes) {
        this.disputes = disputes;
        this.tickets = tickets;
        this.ledger = ledger;
        this.clock = clock;
    }

    DebtorAccount of(DebtorLink link) {
        Ticket ticket = tickets.get(link.ticketId());
        LedgerQueries.DebtorFacts debtor = ledger.debtor(link.customerPk());
        String language = Words.languageOf(debtor.language());
        Locale locale = debtor.country() == null ? Locale.forLanguageTag(language) : new Locale(language, debtor.country());
        // an open dispute's money is out of what the page asks for until the dispute is resolved
        Optional<Dispute> disputed = ticket.isClosed() ? Optional.empty() : disputes.openOn(ticket.getId());
        BigDecimal due = ticket.isClosed() ? BigDecimal.ZERO
                : ticket.getOverdueAmount().subtract(disputed.map(Dispute::getAmount).orElse(BigDecimal.ZERO)).max(BigDecimal.ZERO);
        Long disputedInvoice = disputed.map(Dispute::getInvoicePk).orElse(null);
        var invoices = ledger.overdue(ticket.getCustomerPk(), ticket.getCurrency(), clock.todayIn(debtor.zone())).stream()
                .map(invoice -> new DebtorAccount.Invoice(invoice.invoiceNumber(), invoice.dueDate(), invoice.openAmount(),
                        invoice.pk().equals(disputedInvoice)))
                .toList();
        return new DebtorAccount(ticket.getTicketNumber(), ticket.getId(), debtor.customerId(), debtor.name(), language, locale,
                ticket.getCurrency(), due, debtor.address(), ticket.getSegment(), ticket.getStatus() == TicketStatus.PROMISED, invoices);
    }
}
