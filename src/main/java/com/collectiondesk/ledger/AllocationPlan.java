package com.collectiondesk.ledger;

import com.collectiondesk.ledger.ChargesDue.Due;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/** The debts a payment settles, in the configured order; the referenced invoice's come first either way. */
final class AllocationPlan {

    /** What one invoice owes of one part, when the plan was made (principal: the invoice's open amount). */
    record Debt(Invoice invoice, AllocationPart part, BigDecimal open) {
    }

    private AllocationPlan() {
    }

    static List<Debt> debts(AllocationOrder order, Invoice referenced, List<Invoice> openOldestFirst, List<Due> chargesOldestFirst) {
        List<Debt> debts = new ArrayList<>();
        Due referencedCharges = chargesOldestFirst.stream().filter(d -> d.invoice() == referenced).findFirst().orElse(null);
        List<Due> otherCharges = chargesOldestFirst.stream().filter(d -> d.invoice() != referenced).toList();
        List<Invoice> otherInvoices = openOldestFirst.stream().filter(i -> i != referenced).toList();
        if (order == AllocationOrder.COSTS_INTEREST_PRINCIPAL) {
            if (referenced != null) {
                charges(debts, referencedCharges);
                debts.add(principal(referenced));
            }
            otherCharges.forEach(d -> debts.add(new Debt(d.invoice(), AllocationPart.FEE, d.fees())));
            otherCharges.forEach(d -> debts.add(new Debt(d.invoice(), AllocationPart.INTEREST, d.interest())));
            otherInvoices.forEach(i -> debts.add(principal(i)));
        } else {
            if (referenced != null) {
                debts.add(principal(referenced));
            }
            otherInvoices.forEach(i -> debts.add(principal(i)));
            chargesOldestFirst.forEach(d -> charges(debts, d));
        }
        debts.removeIf(d -> d.open().signum() <= 0);
        return debts;
    }

    private static void charges(List<Debt> debts, Due due) {
        if (due != null) {
            debts.add(new Debt(due.invoice(), AllocationPart.FEE, due.fees()));
            debts.add(new Debt(due.invoice(), AllocationPart.INTEREST, due.interest()));
        }
    }

    private static Debt principal(Invoice invoice) {
        return new Debt(invoice, AllocationPart.PRINCIPAL, invoice.getOpenAmount());
    }
}
