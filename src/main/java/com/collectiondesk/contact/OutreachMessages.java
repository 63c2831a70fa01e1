package com.collectiondesk.contact;

import com.collectiondesk.ledger.LedgerQueries.DebtorFacts;
import com.collectiondesk.ledger.LedgerQueries;
import com.collectiondesk.outreach.OutreachMessage;
import com.collectiondesk.strategy.TicketStep;
import com.collectiondesk.system.BusinessClock;
import com.collectiondesk.ticket.Ticket;
import org.springframework.stereotype.Component;

/** Builds what the outreach port needs from a ticket: the debtor, the overdue money and its invoices. */
@Component
public class OutreachMessages {

    private final BusinessClock clock;
    private final LedgerQueries ledger;
    private final com.collectiondesk.hold.HoldQueries holds;

    OutreachMessages(BusinessClock clock, LedgerQueries ledger, com.collectiondesk.hold.HoldQueries holds) {
        this.clock = clock;
        this.ledger = ledger;
        this.holds = holds;
    }

    public OutreachMessage of(Ticket ticket, TicketStep step, String sendKey) {
        DebtorFacts customer = ledger.debtor(ticket.getCustomerPk());
        var held = holds.heldAmong(ticket.getCustomerPk(), ticket.getInvoicePks(), clock.today());
        var invoices = ledger.overdueAmong(ticket.getInvoicePks(), clock.today()).stream()
                .filter(invoice -> !held.contains(invoice.pk()))
                .map(invoice -> new OutreachMessage.OverdueInvoice(invoice.invoiceNumber(), invoice.dueDate(), invoice.openAmount()))
                .toList();
        return new OutreachMessage(sendKey, step.getChannel(), step.getTemplateId(),
                new OutreachMessage.Debtor(customer.pk(), customer.name(), customer.language(), customer.country(),
                        customer.phone(), customer.email(), customer.address(), customer.refusesEmail()),
                new OutreachMessage.Debt(ticket.getTicketNumber(), ticket.getStrategyAmount(), ticket.getCurrency(),
                        ticket.getMaxDpd(), invoices));
    }
}
