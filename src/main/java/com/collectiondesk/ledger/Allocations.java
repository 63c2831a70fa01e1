package com.collectiondesk.ledger;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Spends payments on invoices: the referenced invoice first, then the customer's oldest open invoices (due
 * date, then number) in the payment's currency; what is left stays as credit for invoices imported later.
 * Callers hold the customers' locks ({@link CustomerRepository#lockAllById}) so two bookings never spend one credit.
 */
@Component
class Allocations {

    private final InvoiceRepository invoices;
    private final PaymentAllocationRepository allocations;

    Allocations(InvoiceRepository invoices, PaymentAllocationRepository allocations) {
        this.invoices = invoices;
        this.allocations = allocations;
    }

    void allocateNewPayment(Payment payment, Invoice referenced) {
        if (referenced != null) {
            allocate(payment, referenced);
        }
        if (payment.hasCredit()) {
            spendOnOpenInvoices(payment, invoices.findOpenOldestFirst(payment.getCustomer(), payment.getCurrency()));
        }
    }

    /** Spends the customer's existing credit, oldest payment first, on their open invoices. */
    void spendCredit(Customer customer, List<Payment> withCredit) {
        Map<String, List<Invoice>> openByCurrency = new HashMap<>();
        for (Payment payment : withCredit) {
            spendOnOpenInvoices(payment, openByCurrency.computeIfAbsent(payment.getCurrency(),
                    currency -> invoices.findOpenOldestFirst(customer, currency)));
        }
    }

    private void spendOnOpenInvoices(Payment payment, List<Invoice> openOldestFirst) {
        for (Invoice invoice : openOldestFirst) {
            if (!payment.hasCredit()) {
                return;
            }
            allocate(payment, invoice);
        }
    }

    private void allocate(Payment payment, Invoice invoice) {
        if (invoice.getOpenAmount().signum() == 0 || !invoice.getCurrency().equals(payment.getCurrency())) {
            return;
        }
        BigDecimal taken = payment.allocateTo(invoice);
        if (taken.signum() > 0) {
            allocations.save(new PaymentAllocation(payment, invoice, taken));
        }
    }
}
