package com.collectiondesk.support.ledger;

import com.collectiondesk.ledger.Customer;
import com.collectiondesk.ledger.LedgerCommands;
import com.collectiondesk.ledger.PaymentBooked;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;
import org.springframework.context.ApplicationContext;

/**
 * Payments for tests, booked by the ledger ({@link LedgerCommands#bookPayment}) as an import or the API books
 * them: allocated, under the debtor's lock, with {@link PaymentBooked} published in the booking's transaction.
 */
public final class Payments {

    private final LedgerCommands ledger;

    private Payments(LedgerCommands ledger) {
        this.ledger = ledger;
    }

    public static Payments of(ApplicationContext context) {
        return new Payments(context.getBean(LedgerCommands.class));
    }

    /** A payment of the customer in EUR without an invoice reference (so it pays the oldest open invoices first). */
    public PaymentBuilder payment(Customer customer) {
        return new PaymentBuilder(customer);
    }

    public final class PaymentBuilder {

        private final Customer customer;
        private String paymentId = "P-" + UUID.randomUUID();
        private String invoiceNumber;
        private BigDecimal amount;
        private String currency = "EUR";
        private LocalDate paidOn;

        private PaymentBuilder(Customer customer) {
            this.customer = customer;
        }

        public PaymentBuilder id(String paymentId) { this.paymentId = paymentId; return this; }
        public PaymentBuilder amount(String amount) { this.amount = new BigDecimal(amount); return this; }
        public PaymentBuilder currency(String currency) { this.currency = currency; return this; }
        public PaymentBuilder paidOn(LocalDate day) { this.paidOn = day; return this; }
        /** The invoice the payer referenced: it is paid first. */
        public PaymentBuilder forInvoice(String invoiceNumber) { this.invoiceNumber = invoiceNumber; return this; }

        public PaymentBooked book() {
            return ledger.bookPayment(paymentId, customer.getCustomerId(), invoiceNumber, amount, currency, paidOn);
        }
    }
}
