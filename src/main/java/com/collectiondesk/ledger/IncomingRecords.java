package com.collectiondesk.ledger;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** Validated records, parsed from {@link Fields} by the shared {@link RecordValidator}. */
final class IncomingRecords {

    private IncomingRecords() {
    }

    record CustomerRecord(String customerId, String name, String phone, String email, String language, String country,
                          String timeZone, String address, boolean smsOptOut, boolean emailOptOut, boolean voiceOptOut,
                          boolean ceasedCommunication, boolean timeZoneGiven) {

        static CustomerRecord parse(RecordValidator check) {
            String customerId = check.id("customer_id", true);
            String name = check.text("name", 200);
            String country = check.country("country");
            var phone = check.phone("phone", country);
            String email = check.email("email");
            String language = check.language("language");
            String zone = check.timeZone("time_zone", phone, country);
            String address = check.text("address", 500);
            boolean sms = check.flag("sms_opt_out");
            boolean mail = check.flag("email_opt_out");
            boolean voice = check.flag("voice_opt_out");
            boolean ceased = check.flag("ceased_communication");
            return check.isValid() ? new CustomerRecord(customerId, name, RecordValidator.e164(phone), email, language,
                    country, zone, address, sms, mail, voice, ceased, check.given("time_zone")) : null;
        }

        boolean sameAs(Customer c) {
            return name.equals(c.getName()) && java.util.Objects.equals(phone, c.getPhone())
                    && java.util.Objects.equals(email, c.getEmail()) && language.equals(c.getLanguage())
                    && country.equals(c.getCountry()) && timeZone.equals(c.getTimeZone()) && address.equals(c.getAddress())
                    && smsOptOut == c.isSmsOptOut() && emailOptOut == c.isEmailOptOut() && voiceOptOut == c.isVoiceOptOut()
                    && ceasedCommunication == c.isCeasedCommunication()
                    && Boolean.valueOf(!timeZoneGiven).equals(c.getTimeZoneDerived());
        }

        void applyTo(Customer c) {
            c.setName(name);
            c.setPhone(phone);
            c.setEmail(email);
            c.setLanguage(language);
            c.setCountry(country);
            c.setTimeZone(timeZone);
            c.setAddress(address);
            c.setSmsOptOut(smsOptOut);
            c.setEmailOptOut(emailOptOut);
            c.setVoiceOptOut(voiceOptOut);
            c.setCeasedCommunication(ceasedCommunication);
            c.setZoneOrigin(!timeZoneGiven, timeZoneGiven ? List.of() : ContactZones.candidates(phone, country));
        }
    }

    record ContractRecord(String contractId, String customerId, String productType) {

        static ContractRecord parse(RecordValidator check, java.util.List<String> productTypes) {
            String contractId = check.id("contract_id", true);
            String customerId = check.id("customer_id", true);
            String productType = check.id("product_type", true);
            if (productType != null) {
                productType = productTypes.stream().filter(productType::equalsIgnoreCase).findFirst().orElse(null);
                if (productType == null) {
                    check.reject("product_type", "must be one of " + String.join(", ", productTypes));
                }
            }
            return check.isValid() ? new ContractRecord(contractId, customerId, productType) : null;
        }
    }

    record InvoiceRecord(String invoiceNumber, String customerId, String contractId, LocalDate issueDate,
                         LocalDate dueDate, BigDecimal amount, String currency) {

        static InvoiceRecord parse(RecordValidator check) {
            String number = check.id("invoice_number", true);
            String customerId = check.id("customer_id", true);
            String contractId = check.id("contract_id", false);
            LocalDate issued = check.date("issue_date");
            LocalDate due = check.date("due_date");
            BigDecimal amount = check.amount("amount");
            String currency = check.currency("currency");
            if (issued != null && due != null && due.isBefore(issued)) {
                check.reject("due_date", "is before the issue date " + issued);
            }
            return check.isValid() ? new InvoiceRecord(number, customerId, contractId, issued, due, amount, currency) : null;
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
            LocalDate paidOn = check.date("paid_on");
            return check.isValid() ? new PaymentRecord(paymentId, customerId, invoiceNumber, amount, currency, paidOn) : null;
        }

        boolean sameAs(Payment p) {
            return customerId.equals(p.getCustomer().getCustomerId())
                    && java.util.Objects.equals(invoiceNumber, p.getInvoiceNumber())
                    && amount.compareTo(p.getAmount()) == 0 && currency.equals(p.getCurrency())
                    && paidOn.equals(p.getPaidOn());
        }
    }
}
