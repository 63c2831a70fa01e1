package com.collectiondesk.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import com.collectiondesk.ledger.AllocationPlan.Debt;
import com.collectiondesk.ledger.ChargesDue.Due;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The two allocation orders over the same debts: two invoices, each with principal, a fee and interest open. */
class AllocationPlanTest {

    final Invoice older = LedgerUnitParts.invoice("I-OLD", "100.00");
    final Invoice newer = LedgerUnitParts.invoice("I-NEW", "200.00");
    final List<Invoice> openOldestFirst = List.of(older, newer);
    final List<Due> chargesOldestFirst = List.of(new Due(older, new BigDecimal("5.00"), new BigDecimal("1.50")),
            new Due(newer, new BigDecimal("7.00"), BigDecimal.ZERO.setScale(2)));

    @Test
    void costsThenInterestThenPrincipalEachOldestFirst() {
        assertThat(describe(AllocationPlan.debts(AllocationOrder.COSTS_INTEREST_PRINCIPAL, null, openOldestFirst,
                chargesOldestFirst))).containsExactly("I-OLD FEE 5.00", "I-NEW FEE 7.00", "I-OLD INTEREST 1.50",
                "I-OLD PRINCIPAL 100.00", "I-NEW PRINCIPAL 200.00");
    }

    @Test
    void theReferencedInvoiceWholeFirstThenTheOthersInTheGermanOrder() {
        assertThat(describe(AllocationPlan.debts(AllocationOrder.COSTS_INTEREST_PRINCIPAL, newer, openOldestFirst,
                chargesOldestFirst))).containsExactly("I-NEW FEE 7.00", "I-NEW PRINCIPAL 200.00", "I-OLD FEE 5.00",
                "I-OLD INTEREST 1.50", "I-OLD PRINCIPAL 100.00");
    }

    @Test
    void principalOldestFirstThenEachInvoicesChargesOldestFirst() {
        assertThat(describe(AllocationPlan.debts(AllocationOrder.PRINCIPAL_THEN_CHARGES, null, openOldestFirst,
                chargesOldestFirst))).containsExactly("I-OLD PRINCIPAL 100.00", "I-NEW PRINCIPAL 200.00",
                "I-OLD FEE 5.00", "I-OLD INTEREST 1.50", "I-NEW FEE 7.00");
    }

    @Test
    void principalFirstStillStartsWithTheReferencedInvoice() {
        assertThat(describe(AllocationPlan.debts(AllocationOrder.PRINCIPAL_THEN_CHARGES, newer, openOldestFirst,
                chargesOldestFirst))).containsExactly("I-NEW PRINCIPAL 200.00", "I-OLD PRINCIPAL 100.00",
                "I-OLD FEE 5.00", "I-OLD INTEREST 1.50", "I-NEW FEE 7.00");
    }

    private static List<String> describe(List<Debt> debts) {
        return debts.stream().map(d -> d.invoice().getInvoiceNumber() + " " + d.part() + " " + d.open().toPlainString()).toList();
    }
}
