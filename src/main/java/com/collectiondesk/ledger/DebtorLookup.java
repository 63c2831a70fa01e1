package com.collectiondesk.ledger;

import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Finds debtors by what a provider knows of them: an SMS reply or STOP comes with the phone number only. */
@Service
@Transactional(readOnly = true)
public class DebtorLookup {

    private final CustomerRepository customers;

    DebtorLookup(CustomerRepository customers) {
        this.customers = customers;
    }

    /** Every debtor with this E.164 number (a household may share one). */
    public List<Customer> withPhone(String phone) {
        return customers.findByPhone(phone);
    }
}
