package com.collectiondesk.ledger;

import java.util.function.BiConsumer;
import java.util.function.Predicate;

/**
 * The ERP's safeguard flags on a customer. Each comes from an optional column; an import or PUT that does not
 * say a flag (column absent, cell empty, JSON field absent or null) leaves the stored value as it is.
 */
enum CustomerFlag {
    SMS_OPT_OUT("sms_opt_out", Customer::isSmsOptOut, Customer::setSmsOptOut),
    EMAIL_OPT_OUT("email_opt_out", Customer::isEmailOptOut, Customer::setEmailOptOut),
    VOICE_OPT_OUT("voice_opt_out", Customer::isVoiceOptOut, Customer::setVoiceOptOut),
    CEASED_COMMUNICATION("ceased_communication", Customer::isCeasedCommunication, Customer::setCeasedCommunication);

    private final String column;
    private final Predicate<Customer> stored;
    private final BiConsumer<Customer, Boolean> store;

    CustomerFlag(String column, Predicate<Customer> stored, BiConsumer<Customer, Boolean> store) {
        this.column = column;
        this.stored = stored;
        this.store = store;
    }

    String column() {
        return column;
    }

    boolean of(Customer customer) {
        return stored.test(customer);
    }

    void set(Customer customer, boolean value) {
        store.accept(customer, value);
    }
}
