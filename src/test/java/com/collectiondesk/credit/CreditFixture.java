package com.collectiondesk.credit;

import com.collectiondesk.ledger.Contract;
import com.collectiondesk.ledger.Customer;
import com.collectiondesk.support.LedgerFixture;
import java.sql.Date;
import java.time.LocalDate;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Customers for the credit limit tests: invoices through the ledger's fixture, the ERP's limit through the import,
 * and the behavioural score written as the score's recompute would (its own tests work out the score by hand).
 */
final class CreditFixture {

    private final LedgerFixture ledger;
    private final JdbcTemplate jdbc;

    CreditFixture(LedgerFixture ledger, JdbcTemplate jdbc) {
        this.ledger = ledger;
        this.jdbc = jdbc;
    }

    /** A customer whose ERP limit is {@code limit} (null: none given) with one paid invoice of {@code invoiced}. */
    Customer customer(String limit, String invoiced, LocalDate today) {
        Customer customer = ledger.customer(null);
        if (limit != null) {
            customer = ledger.change(customer, debtor -> debtor.creditLimit(limit));
        }
        if (invoiced != null) {
            Contract contract = ledger.contract(customer, "CONSUMER_LOAN");
            ledger.invoice(customer, contract, invoiced, today.minusDays(30));
            ledger.pay(customer, invoiced, today.minusDays(20));
        }
        return customer;
    }

    void score(Customer customer, int score, LocalDate asOf) {
        jdbc.update("delete from risk_score where customer_fk = ?", customer.getId());
        jdbc.update("insert into risk_score (customer_fk, score, score_version, as_of, paid_12m, paid_late_12m,"
                + " avg_days_late_12m, paid_6m, avg_days_late_6m, current_dpd, overdue_amount, exposure, broken_promises,"
                + " kept_promises, disputes_upheld, relapses, tenure_days, points_dpd) values (?, ?, '1/test', ?, 1, 0, 0,"
                + " 1, 0, 12, 0, 0, 0, 0, 0, 0, 400, ?)", customer.getId(), score, Date.valueOf(asOf), score);
    }

    /** Leaves no limits, suggestions or scores behind for the next test in the shared context. */
    void forget() {
        jdbc.update("delete from credit_limit_change");
        jdbc.update("delete from credit_limit");
        jdbc.update("delete from risk_score");
        jdbc.update("update customer set credit_limit = null where credit_limit is not null");
    }
}
