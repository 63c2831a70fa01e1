package com.collectiondesk.contact;

import com.collectiondesk.ledger.LedgerQueries.DebtorFacts;
import com.collectiondesk.ledger.InvoiceCharges;
import com.collectiondesk.ledger.LedgerQueries;
import com.collectiondesk.outreach.OutreachMessage;
import com.collectiondesk.strategy.TicketStep;
import com.collectiondesk.system.BusinessClock;
import com.collectiondesk.ticket.Ticket;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Builds what the outreach port needs from a ticket: the debtor, the overdue money and its invoices with their
 * interest and fees (an invoice whose principal is paid is listed while its interest or fees are open) (the ledger's charges, including the fee of the step being sent: it is charged before the send).
 */
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
        return of(ticket, step.getChannel(), step.getTemplateId(), sendKey);
    }

    /** The message on {@code channel} with {@code templateId}, which may differ from the step's (the debtor's preference). */
    OutreachMessage of(Ticket ticket, com.collectiondesk.outreach.Channel channel, String templateId, String sendKey) {
        DebtorFacts customer = ledger.debtor(ticket.getCustomerPk());
        var held = holds.heldAmong(ticket.getCustomerPk(), ticket.getInvoicePks(), clock.today());
        List<LedgerQueries.OpenInvoice> overdue = ledger.dunnedAmong(ticket.getInvoicePks(), clock.today()).stream()
                .filter(invoice -> !held.contains(invoice.pk()))
                .toList();
        Map<Long, InvoiceCharges> charges = ledger.chargesOf(overdue.stream().map(LedgerQueries.OpenInvoice::pk).toList());
        var invoices = overdue.stream()
                .map(invoice -> overdueInvoice(invoice, charges.getOrDefault(invoice.pk(), InvoiceCharges.none(invoice.pk()))))
                .toList();
        return new OutreachMessage(sendKey, channel, templateId,
                new OutreachMessage.Debtor(customer.pk(), customer.name(), customer.language(), customer.country(),
                        customer.phone(), customer.email(), customer.address(), customer.refusesEmail(),
                        ledger.legalEntityOf(customer.pk())),
                new OutreachMessage.Debt(ticket.getTicketNumber(), ticket.getStrategyAmount(), ticket.getCurrency(),
                        ticket.getMaxDpd(), invoices));
    }

    private static OutreachMessage.OverdueInvoice overdueInvoice(LedgerQueries.OpenInvoice invoice, InvoiceCharges charges) {
        return new OutreachMessage.OverdueInvoice(invoice.invoiceNumber(), invoice.dueDate(), invoice.openAmount(),
                charges.lines().stream().map(line -> new OutreachMessage.Charge(line.kind(), line.rate(), line.from(),
                        line.to(), line.basis(), line.amount())).toList(), charges.paid());
    }
}
