package com.collectiondesk.ledger;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Validated records, parsed from {@link Fields} by the shared {@link RecordValidator}. */
final class IncomingRecords {

    static final int NAME_LENGTH = 200;
    static final int ADDRESS_LENGTH = 500;

    private IncomingRecords() {
    }

    /** The optional {@code legal_entity} column: a configured entity's code (any case), or null when not given. */
    static String entityOf(RecordValidator check, LegalEntities entities) {
        if (!check.given("legal_entity")) {
            return null;
        }
        String given = check.id("legal_entity", true);
        if (given == null) {
            return null;
        }
        return entities.find(given).orElseGet(() -> {
            check.reject("legal_entity", "no legal entity " + Quoted.of(given) + "; known: " + String.join(", ", entities.codes()));
            return null;
        });
    }

    /** {@code flags} holds only the flags the record says; the others are left as stored. */
    record CustomerRecord(String customerId, String name, String phone, String email, String language, String country,
                          String timeZone, String address, Map<CustomerFlag, Boolean> flags,
                          boolean timeZoneGiven, DebtorKind debtorKind, String legalEntity, BigDecimal creditLimit) {

        static CustomerRecord parse(RecordValidator check, LegalEntities entities) {
            String customerId = check.id("customer_id", true);
            String name = check.text("name", NAME_LENGTH);
            String country = check.country("country");
            var phone = check.phone("phone", country);
            String email = check.email("email");
            String language = check.language("language");
            String zone = check.timeZone("time_zone", phone, country);
            String address = check.text("address", ADDRESS_LENGTH);
            Map<CustomerFlag, Boolean> flags = new EnumMap<>(CustomerFlag.class);
            for (CustomerFlag flag : CustomerFlag.values()) {
                Boolean value = check.flag(flag.column());
                if (value != null) {
                    flags.put(flag, value);
                }
            }
            // not given: the stored kind stays (a consumer for a new debtor)
            DebtorKind debtorKind = check.given("debtor_kind") ? check.oneOf("debtor_kind", DebtorKind.class) : null;
            String legalEntity = entityOf(check, entities);
            // the ERP's credit limit (module credit); not given: the stored one stays
            BigDecimal creditLimit = check.given("credit_limit") ? check.amountOrZero("credit_limit") : null;
            return check.isValid() ? new CustomerRecord(customerId, name, RecordValidator.e164(phone), email, language,
                    country, zone, address, flags, check.given("time_zone"), debtorKind, legalEntity, creditLimit) : null;
        }

        boolean sameAs(Customer c) {
            return name.equals(c.getName()) && Objects.equals(phone, c.getPhone())
                    && Objects.equals(email, c.getEmail()) && language.equals(c.getLanguage())
                    && country.equals(c.getCountry()) && timeZone.equals(c.getTimeZone()) && address.equals(c.getAddress())
                    && flagChanges(c, 0).isEmpty() && (debtorKind == null || debtorKind == c.getDebtorKind())
                    && (legalEntity == null || legalEntity.equals(c.getLegalEntity()))
                    && (creditLimit == null || c.getCreditLimit() != null && creditLimit.compareTo(c.getCreditLimit()) == 0)
                    && Boolean.valueOf(!timeZoneGiven).equals(c.getTimeZoneDerived());
        }

        /** The flags this record would change on the stored customer, in column order. */
        List<FlagChange> flagChanges(Customer c, int row) {
            List<FlagChange> changes = new ArrayList<>();
            flags.forEach((flag, value) -> {
                if (flag.of(c) != value) {
                    changes.add(new FlagChange(row, customerId, flag.column(), flag.of(c), value));
                }
            });
            return changes;
        }

        void applyTo(Customer c) {
            c.setName(name);
            c.setPhone(phone);
            c.setEmail(email);
            c.setLanguage(language);
            c.setCountry(country);
            c.setTimeZone(timeZone);
            c.setAddress(address);
            flags.forEach((flag, value) -> flag.set(c, value));
            if (debtorKind != null) {
                c.setDebtorKind(debtorKind);
            }
            if (legalEntity != null) {
                c.setLegalEntity(legalEntity);
            }
            if (creditLimit != null) {
                c.setCreditLimit(creditLimit);
            }
            c.setZoneOrigin(!timeZoneGiven, timeZoneGiven ? List.of() : ContactZones.candidates(phone, country));
        }
    }

    record ContractRecord(String contractId, String customerId, String productType, String legalEntity) {

        static ContractRecord parse(RecordValidator check, List<String> productTypes, LegalEntities entities) {
            String contractId = check.id("contract_id", true);
            String customerId = check.id("customer_id", true);
            String productType = check.id("product_type", true);
            if (productType != null) {
                productType = productTypes.stream().filter(productType::equalsIgnoreCase).findFirst().orElse(null);
                if (productType == null) {
                    check.reject("product_type", "must be one of " + String.join(", ", productTypes));
                }
            }
            String legalEntity = entityOf(check, entities);
            return check.isValid() ? new ContractRecord(contractId, customerId, productType, legalEntity) : null;
        }
    }

    /** {@code hold} null: the row says nothing of a hold (no {@code hold_reason} column). */
    record InvoiceRecord(String invoiceNumber, String customerId, String contractId, LocalDate issueDate,
                         LocalDate dueDate, BigDecimal amount, String currency, String legalEntity,
                         ErpHold hold) {

        static final int HOLD_NOTE_LENGTH = 2000;

        /** The ERP's hold as the row gives it; {@code reason} null: none (an open one is lifted). */
        record ErpHold(HoldReason reason, LocalDate endsOn, String note) {

            static ErpHold parse(RecordValidator check) {
                if (!check.given("hold_reason")) {
                    for (String column : List.of("hold_ends_on", "hold_note")) {
                        if (check.given(column)) {
                            check.reject("hold_reason", "is required when " + column + " is given");
                        }
                    }
                    return check.present("hold_reason") ? new ErpHold(null, null, null) : null;
                }
                HoldReason reason = check.oneOf("hold_reason", HoldReason.class);
                LocalDate endsOn = check.given("hold_ends_on") ? check.futureDate("hold_ends_on") : null;
                String note = check.given("hold_note") ? check.text("hold_note", HOLD_NOTE_LENGTH) : null;
                return new ErpHold(reason, endsOn, note);
            }
        }

        static InvoiceRecord parse(RecordValidator check, LegalEntities entities) {
            String number = check.id("invoice_number", true);
            String customerId = check.id("customer_id", true);
            String contractId = check.id("contract_id", false);
            LocalDate issued = check.pastDate("issue_date");
            LocalDate due = check.date("due_date");
            BigDecimal amount = check.amount("amount");
            String currency = check.currency("currency");
            if (issued != null && due != null && due.isBefore(issued)) {
                check.reject("due_date", "is before the issue date " + issued);
            }
            String legalEntity = entityOf(check, entities);
            ErpHold hold = ErpHold.parse(check);
            return check.isValid() ? new InvoiceRecord(number, customerId, contractId, issued, due, amount, currency,
                    legalEntity, hold) : null;
        }
    }

    record PaymentRecord(String paymentId, String customerId, String invoiceNumber, BigDecimal amount, String currency,
                         LocalDate paidOn) {

        static PaymentRecord parse(RecordValidator check) {
            String paymentId = check.id("payment_id", true);
            String customerId = check.id("customer_id", true);
            String invoiceNumber = check.id("invoice_number", false);
            BigDecimal amount = check.amount("amount");
            String currency = check.currency("currency");
            LocalDate paidOn = check.pastDate("paid_on");
            return check.isValid() ? new PaymentRecord(paymentId, customerId, invoiceNumber, amount, currency, paidOn) : null;
        }

        boolean sameAs(Payment p) {
            return customerId.equals(p.getCustomer().getCustomerId())
                    && Objects.equals(invoiceNumber, p.getInvoiceNumber())
                    && amount.compareTo(p.getAmount()) == 0 && currency.equals(p.getCurrency())
                    && paidOn.equals(p.getPaidOn());
        }
    }

    /**
     * One of the ERP's charges: interest names the days it covers (our interest starts after them), a fee may not.
     * Amounts are positive as everywhere in the import; the rate is the annual percentage the ERP applied.
     */
    record ChargeRecord(String chargeId, String invoiceNumber, ChargeKind kind, BigDecimal amount, String currency,
                        LocalDate periodFrom, LocalDate periodTo, BigDecimal rate, BigDecimal basis, String rule) {

        static ChargeRecord parse(RecordValidator check) {
            String chargeId = check.id("charge_id", true);
            String invoiceNumber = check.id("invoice_number", true);
            ChargeKind kind = check.oneOf("kind", ChargeKind.class);
            BigDecimal amount = check.amount("amount");
            String currency = check.currency("currency");
            boolean interest = kind == ChargeKind.INTEREST;
            LocalDate from = interest || check.given("period_from") ? check.pastDate("period_from") : null;
            LocalDate to = interest || check.given("period_to") ? check.pastDate("period_to") : null;
            if (from != null && to != null && to.isBefore(from)) {
                check.reject("period_to", "is before period_from " + from);
            }
            if ((from == null) != (to == null) && check.isValid()) {
                check.reject(from == null ? "period_from" : "period_to", "is required when the other end of the period is given");
            }
            BigDecimal rate = check.given("rate") ? check.rate("rate") : null;
            BigDecimal basis = check.given("basis") ? check.amount("basis") : null;
            String rule = check.given("rule") ? check.id("rule", false) : "ERP";
            return check.isValid() ? new ChargeRecord(chargeId, invoiceNumber, kind, amount, currency, from, to, rate, basis,
                    rule) : null;
        }

        String chargeKey() {
            return "erp:" + chargeId;
        }

        boolean sameAs(Charge c) {
            return c.getInvoice().getInvoiceNumber().equals(invoiceNumber) && c.getKind() == kind
                    && c.getAmount().compareTo(amount) == 0 && Objects.equals(c.getPeriodFrom(), periodFrom)
                    && Objects.equals(c.getPeriodTo(), periodTo) && sameNumber(c.getRate(), rate)
                    && sameNumber(c.getBasis(), basis) && c.getRule().equals(rule);
        }

        private static boolean sameNumber(BigDecimal stored, BigDecimal given) {
            return stored == null ? given == null : given != null && stored.compareTo(given) == 0;
        }
    }
}
