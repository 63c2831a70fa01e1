package com.collectiondesk.simulation;

import com.collectiondesk.ledger.GeneratedLedger;
import com.collectiondesk.ledger.LedgerQueries.DebtorFacts;
import com.collectiondesk.strategy.StrategyModels.TicketFacts;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

/** A ticket of the generated portfolio on the simulation's first day: the debtor, their hidden risk, what they owe. */
record SimulatedTicket(DebtorFacts debtor, double hiddenRisk, List<Long> invoiceCents, TicketFacts facts) {

    static final String PRODUCT = "CONSUMER_LOAN";
    private static final ZoneId ZONE = ZoneId.of("Europe/Sofia");

    /** A ticket for a customer with money overdue on {@code day}, else null; as the generated ledger writes them. */
    static SimulatedTicket of(GeneratedLedger.GeneratedCustomer customer, int riskScore, LocalDate day) {
        List<GeneratedLedger.GeneratedInvoice> overdue = customer.overdueOn(day);
        if (overdue.isEmpty()) {
            return null;
        }
        long cents = GeneratedLedger.INVOICE_AMOUNT.movePointRight(2).longValueExact();
        DebtorFacts debtor = new DebtorFacts(customer.pk(), "GEN-" + customer.pk(), "Customer " + customer.pk(), null, null,
                "en", "BG", "Street " + customer.pk(), ZONE, List.of(ZONE), false, null, false, null, false, false, riskScore);
        return new SimulatedTicket(debtor, customer.hiddenRisk(), overdue.stream().map(invoice -> cents).toList(),
                new TicketFacts(customer.daysPastDueOn(day), overdue.size() * GeneratedLedger.INVOICE_AMOUNT.doubleValue(),
                        PRODUCT, 0, riskScore));
    }

    long atEntryCents() {
        return invoiceCents.stream().mapToLong(Long::longValue).sum();
    }
}
