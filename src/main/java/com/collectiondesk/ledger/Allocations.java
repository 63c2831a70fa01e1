package com.collectiondesk.ledger;

import com.collectiondesk.ledger.AllocationPlan.Debt;
import java.math.BigDecimal;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Spends payments on what the debtor owes in the payment's currency, in its legal entity's {@link AllocationOrder}:
 * the referenced invoice first, then the customer's other invoices oldest first (due date, then number); what is
 * left stays as credit for invoices imported later. Every payment path (import, API, ERP) books through here.
 * Callers hold the customers' locks ({@link CustomerRepository#lockAllById}) so two bookings never spend one credit.
 */
@Component
class Allocations {

    private final InvoiceRepository invoices;
    private final PaymentAllocationRepository allocations;
    private final ChargeAllocationRepository chargeAllocations;
    private final ChargesDue chargesDue;
    private final LegalEntities entities;

    Allocations(InvoiceRepository invoices, PaymentAllocationRepository allocations,
                ChargeAllocationRepository chargeAllocations, ChargesDue chargesDue, LegalEntities entities) {
        this.invoices = invoices;
        this.allocations = allocations;
        this.chargeAllocations = chargeAllocations;
        this.chargesDue = chargesDue;
        this.entities = entities;
    }

    void allocateNewPayment(Payment payment, Invoice referenced) {
        spend(payment, referenced);
    }

    /** Spends the customer's existing credit, oldest payment first, on what they owe. */
    void spendCredit(Customer customer, List<Payment> withCredit) {
        for (Payment payment : withCredit) {
            spend(payment, null);
        }
    }

    private void spend(Payment payment, Invoice referenced) {
        Customer customer = payment.getCustomer();
        List<Debt> debts = AllocationPlan.debts(entities.allocationOrder(customer.getLegalEntity()), referenced,
                invoices.findOpenOldestFirst(customer, payment.getCurrency()),
                chargesDue.on(customer, payment.getCurrency(), payment.getPaidOn()));
        for (Debt debt : debts) {
            if (!payment.hasCredit()) {
                return;
            }
            if (debt.part() == AllocationPart.PRINCIPAL) {
                allocatePrincipal(payment, debt.invoice());
            } else {
                BigDecimal taken = payment.take(debt.open());
                chargeAllocations.save(new ChargeAllocation(payment, debt.invoice(),
                        debt.part() == AllocationPart.FEE ? ChargeKind.FEE : ChargeKind.INTEREST, taken));
            }
        }
    }

    private void allocatePrincipal(Payment payment, Invoice invoice) {
        if (invoice.getOpenAmount().signum() == 0 || !invoice.getCurrency().equals(payment.getCurrency())) {
            return;
        }
        BigDecimal taken = payment.allocateTo(invoice);
        if (taken.signum() > 0) {
            allocations.save(new PaymentAllocation(payment, invoice, taken));
        }
    }
}
