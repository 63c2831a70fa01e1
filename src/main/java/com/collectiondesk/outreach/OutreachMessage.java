package com.collectiondesk.outreach;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * What to send: the channel, the template and the facts it is filled with. {@code sendKey} identifies this
 * send (ticket, plan round, step, channel) so a retry never sends twice.
 */
public record OutreachMessage(String sendKey, Channel channel, String templateId, Debtor debtor, Debt debt) {

    /** Who gets it and how to reach them; language is a BCP 47 tag, country ISO 3166-1 alpha-2. */
    public record Debtor(Long customerId, String name, String language, String country, String phone, String email,
                         String postalAddress, boolean emailOptOut) {
    }

    /** What is overdue, as of the send. */
    public record Debt(String ticketNumber, BigDecimal overdueAmount, String currency, int dpd,
                       List<OverdueInvoice> invoices) {
    }

    public record OverdueInvoice(String number, LocalDate dueDate, BigDecimal openAmount) {
    }
}
