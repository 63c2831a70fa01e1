package com.collectiondesk.outreach;

import com.collectiondesk.ledger.ChargeKind;
import com.collectiondesk.ledger.LegalEntities;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * What to send: the channel, the template and the facts it is filled with. {@code sendKey} identifies this
 * send (ticket, plan round, step, channel) so a retry never sends twice.
 */
public record OutreachMessage(String sendKey, Channel channel, String templateId, Debtor debtor, Debt debt) {

    /**
     * Who gets it and how to reach them; language is a BCP 47 tag, country ISO 3166-1 alpha-2; {@code legalEntity}
     * the company of the group the debtor owes, whose letterhead and senders the message carries.
     */
    public record Debtor(Long customerId, String name, String language, String country, String phone, String email,
                         String postalAddress, boolean emailOptOut, String legalEntity) {

        /** A debtor of the default legal entity. */
        public Debtor(Long customerId, String name, String language, String country, String phone, String email,
                      String postalAddress, boolean emailOptOut) {
            this(customerId, name, language, country, phone, email, postalAddress, emailOptOut, LegalEntities.DEFAULT);
        }
    }

    /** What is overdue, as of the send: {@code overdueAmount} is principal; the charges are the invoices'. */
    public record Debt(String ticketNumber, BigDecimal overdueAmount, String currency, int dpd,
                       List<OverdueInvoice> invoices) {

        /** What the debtor owes in all: the overdue principal and the invoices' open interest and fees. */
        public BigDecimal total() {
            return invoices.stream().map(OverdueInvoice::chargesOpen).reduce(overdueAmount, BigDecimal::add);
        }
    }

    /** An overdue invoice: its open principal, its interest and fees, and what payments settled of those. */
    public record OverdueInvoice(String number, LocalDate dueDate, BigDecimal openAmount, List<Charge> charges,
                                 BigDecimal chargesPaid) {

        /** An invoice without charges. */
        public OverdueInvoice(String number, LocalDate dueDate, BigDecimal openAmount) {
            this(number, dueDate, openAmount, List.of(), BigDecimal.ZERO);
        }

        public BigDecimal chargesOpen() {
            return charges.stream().map(Charge::amount).reduce(BigDecimal.ZERO, BigDecimal::add).subtract(chargesPaid)
                    .max(BigDecimal.ZERO);
        }

        public BigDecimal total() {
            return openAmount.add(chargesOpen());
        }
    }

    /**
     * Interest (its annual rate in percent, the days it covers, inclusive, and the principal it ran on) or a fee
     * (rate, days and basis null).
     */
    public record Charge(ChargeKind kind, BigDecimal annualRate, LocalDate from, LocalDate to, BigDecimal basis,
                         BigDecimal amount) {
    }
}
