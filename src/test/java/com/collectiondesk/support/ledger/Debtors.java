package com.collectiondesk.support.ledger;

import com.collectiondesk.ledger.Customer;
import com.collectiondesk.ledger.CustomerRepository;
import com.collectiondesk.ledger.LedgerCommands;
import com.collectiondesk.ledger.RecordKind;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.ApplicationContext;

/**
 * Debtors for tests, stored through the ledger's API ({@link LedgerCommands}): the customer import's columns and
 * validation, the debtor's own opt-outs and the risk score as the ledger takes them. Defaults: a Bulgarian debtor
 * in Sofia with phone, e-mail and address, no opt-outs.
 */
public final class Debtors {

    private final LedgerCommands ledger;
    private final CustomerRepository customers;

    private Debtors(LedgerCommands ledger, CustomerRepository customers) {
        this.ledger = ledger;
        this.customers = customers;
    }

    public static Debtors of(ApplicationContext context) {
        return new Debtors(context.getBean(LedgerCommands.class), context.getBean(CustomerRepository.class));
    }

    /** A new debtor with the defaults and a fresh customer id. */
    public Debtor debtor() {
        return debtor("C-" + UUID.randomUUID());
    }

    /** A new debtor with the defaults and the ERP's customer id. */
    public Debtor debtor(String customerId) {
        return new Debtor(customerId);
    }

    /** The stored debtor as it is, to change some of it and store again (an update, as a re-import is). */
    public Debtor change(Customer stored) {
        Debtor debtor = new Debtor(stored.getCustomerId());
        debtor.columns.put("name", stored.getName());
        debtor.columns.put("phone", stored.getPhone());
        debtor.columns.put("email", stored.getEmail());
        debtor.columns.put("language", stored.getLanguage());
        debtor.columns.put("country", stored.getCountry());
        debtor.columns.put("time_zone", Boolean.TRUE.equals(stored.getTimeZoneDerived()) ? null : stored.getTimeZone());
        debtor.columns.put("address", stored.getAddress());
        debtor.smsOptOut(stored.isSmsOptOut()).emailOptOut(stored.isEmailOptOut()).voiceOptOut(stored.isVoiceOptOut())
                .ceasedCommunication(stored.isCeasedCommunication());
        debtor.riskScore = stored.getRiskScore();
        return debtor;
    }

    public final class Debtor {

        private final Map<String, String> columns = new HashMap<>();
        private Integer riskScore;
        private Instant smsStoppedAt;
        private Instant emailUnsubscribedAt;

        private Debtor(String customerId) {
            columns.put("customer_id", customerId);
            columns.put("name", "Ivana Petrova");
            columns.put("phone", "+359888123456");
            columns.put("email", "ivana@example.com");
            columns.put("language", "en");
            columns.put("country", "BG");
            columns.put("time_zone", "Europe/Sofia");
            columns.put("address", "1 Vitosha Blvd, Sofia");
            smsOptOut(false).emailOptOut(false).voiceOptOut(false).ceasedCommunication(false);
        }

        public Debtor name(String name) { columns.put("name", name); return this; }
        public Debtor phone(String phone) { columns.put("phone", phone); return this; }
        public Debtor email(String email) { columns.put("email", email); return this; }
        public Debtor language(String language) { columns.put("language", language); return this; }
        public Debtor country(String country) { columns.put("country", country); return this; }
        /** null: the import derives the zone from the phone number or the country. */
        public Debtor timeZone(String zone) { columns.put("time_zone", zone); return this; }
        public Debtor address(String address) { columns.put("address", address); return this; }
        public Debtor smsOptOut(boolean optOut) { return flag("sms_opt_out", optOut); }
        public Debtor emailOptOut(boolean optOut) { return flag("email_opt_out", optOut); }
        public Debtor voiceOptOut(boolean optOut) { return flag("voice_opt_out", optOut); }
        public Debtor ceasedCommunication(boolean ceased) { return flag("ceased_communication", ceased); }
        public Debtor riskScore(Integer score) { this.riskScore = score; return this; }
        public Debtor legalEntity(String code) { columns.put("legal_entity", code); return this; }
        public Debtor debtorKind(String kind) { columns.put("debtor_kind", kind); return this; }
        /** The debtor's own STOP reply at that moment. */
        public Debtor smsStoppedAt(Instant at) { this.smsStoppedAt = at; return this; }
        /** The debtor's own unsubscribe click at that moment. */
        public Debtor emailUnsubscribedAt(Instant at) { this.emailUnsubscribedAt = at; return this; }

        private Debtor flag(String column, boolean value) {
            columns.put(column, Boolean.toString(value));
            return this;
        }

        /** Stores the debtor and answers it as stored. */
        public Customer book() {
            ledger.record(RecordKind.CUSTOMERS, columns);
            Long pk = customers.findByCustomerId(columns.get("customer_id")).orElseThrow().getId();
            ledger.recordRiskScore(pk, riskScore);
            if (smsStoppedAt != null) {
                ledger.stopSms(pk, smsStoppedAt);
            }
            if (emailUnsubscribedAt != null) {
                ledger.unsubscribeEmail(pk, emailUnsubscribedAt);
            }
            return customers.findById(pk).orElseThrow();
        }
    }
}
