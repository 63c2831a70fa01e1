package com.collectiondesk.support;

import com.collectiondesk.ledger.Contract;
import com.collectiondesk.ledger.Customer;
import com.collectiondesk.ledger.Invoice;
import com.collectiondesk.support.ledger.Debtors;
import com.collectiondesk.support.ledger.Invoices;
import com.collectiondesk.support.ledger.Payments;
import com.collectiondesk.system.BusinessClock;
import java.time.LocalDate;
import java.util.Date;
import java.util.function.UnaryOperator;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.context.ApplicationContext;

/** The ledger data ticket tests start from, booked through the ledger's API by the shared builders. */
public class LedgerFixture {

    private final Debtors debtors;
    private final Invoices invoices;
    private final Payments payments;
    private final BusinessClock clock;

    private LedgerFixture(Debtors debtors, Invoices invoices, Payments payments, BusinessClock clock) {
        this.debtors = debtors;
        this.invoices = invoices;
        this.payments = payments;
        this.clock = clock;
    }

    public static LedgerFixture of(ApplicationContext context) {
        return new LedgerFixture(Debtors.of(context), Invoices.of(context), Payments.of(context),
                context.getBean(BusinessClock.class));
    }

    /** A debtor with the builders' defaults (Ivana Petrova in Sofia) and the given risk score. */
    public Customer customer(Integer riskScore) {
        return debtors.debtor().riskScore(riskScore).book();
    }

    /** Stores the debtor again with the changes made to its stored values. */
    public Customer change(Customer stored, UnaryOperator<Debtors.Debtor> changes) {
        return changes.apply(debtors.change(stored)).book();
    }

    public Contract contract(Customer customer, String productType) {
        return invoices.contract(customer, productType);
    }

    public Invoice invoice(Customer customer, Contract contract, String amount, LocalDate dueDate) {
        return invoice(customer, contract, amount, dueDate, "EUR");
    }

    public Invoice invoice(Customer customer, Contract contract, String amount, LocalDate dueDate, String currency) {
        return invoices.invoice(customer).contract(contract).amount(amount).due(dueDate).currency(currency).book();
    }

    /** Paid or credited in the ERP without a payment booked here: the open amount drops to what the ERP shows. */
    public void settledInErp(Invoice invoice) {
        invoices.settledInErp(invoice);
    }

    /**
     * Books an EUR payment without an invoice reference: the ledger spends it oldest invoice first. A payment is
     * booked when it arrives, never before its day: an engine clock still before {@code paidOn} moves to 09:00
     * (business zone) that day first, as the ledger refuses payments dated in the future.
     */
    public void pay(Customer customer, String amount, LocalDate paidOn) {
        if (paidOn.isAfter(clock.today())) {
            ClockUtil.setCurrentTime(Date.from(paidOn.atTime(9, 0).atZone(clock.zone()).toInstant()));
        }
        payments.payment(customer).amount(amount).paidOn(paidOn).book();
    }
}
