package com.collectiondesk.contact;

import com.collectiondesk.ledger.Customer;
import com.collectiondesk.outreach.OutreachMessage;
import com.collectiondesk.strategy.TicketStep;
import com.collectiondesk.system.BusinessClock;
import com.collectiondesk.ticket.Ticket;
import org.springframework.stereotype.Component;

/** Builds what the outreach port needs from a ticket: the debtor, the overdue money and its invoices. */
@Component
public class OutreachMessages {

    private final BusinessClock clock;

    OutreachMessages(BusinessClock clock) {
        this.clock = clock;
    }

    public OutreachMessage of(Ticket ticket, TicketStep step, String sendKey) {
        Customer customer = ticket.getCustomer();
        var invoices = ticket.overdueInvoicesOn(clock.today()).stream()
                .map(invoice -> new OutreachMessage.OverdueInvoice(invoice.getInvoiceNumber(), invoice.getDueDate(), invoice.getOpenAmount()))
                .toList();
        return new OutreachMessage(sendKey, step.getChannel(), step.getTemplateId(),
                new OutreachMessage.Debtor(customer.getId(), customer.getName(), customer.getLanguage(), customer.getCountry(),
                        customer.getPhone(), customer.getEmail(), customer.getAddress(), customer.refusesEmail()),
                new OutreachMessage.Debt(ticket.getTicketNumber(), ticket.getOverdueAmount(), ticket.getCurrency(),
                        ticket.getMaxDpd(), invoices));
    }
}
