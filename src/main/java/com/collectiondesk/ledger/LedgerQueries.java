package com.collectiondesk.ledger;

import com.collectiondesk.errors.NotFound;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The ledger's read API for the other modules: debtor and invoice facts as records, so no other module
 * navigates or holds the ledger's entities (it keeps their primary keys instead).
 */
@Service
@Transactional(readOnly = true)
public class LedgerQueries {

    /** What contact rules, outreach and task forms need to know about a debtor. */
    public record DebtorFacts(Long pk, String customerId, String name, String phone, String email, String language,
                              String country, String address, ZoneId zone, List<ZoneId> contactZones,
                              boolean smsOptOut, Instant smsStoppedAt, boolean emailOptOut, Instant emailUnsubscribedAt,
                              boolean voiceOptOut, boolean ceasedCommunication, Integer riskScore) {

        static DebtorFacts of(Customer c) {
            return new DebtorFacts(c.getId(), c.getCustomerId(), c.getName(), c.getPhone(), c.getEmail(), c.getLanguage(),
                    c.getCountry(), c.getAddress(), c.zone(), c.contactZones(), c.isSmsOptOut(), c.getSmsStoppedAt(),
                    c.isEmailOptOut(), c.getEmailUnsubscribedAt(), c.isVoiceOptOut(), c.isCeasedCommunication(), c.getRiskScore());
        }

        /** No SMS: the ERP says so, or the debtor replied STOP. */
        public boolean refusesSms() {
            return Customer.refuses(smsOptOut, smsStoppedAt);
        }

        /** No e-mail: the ERP says so, or the debtor unsubscribed. */
        public boolean refusesEmail() {
            return Customer.refuses(emailOptOut, emailUnsubscribedAt);
        }
    }

    /** An invoice with money open; {@code productType} is its contract's, or UNKNOWN without one. */
    public record OpenInvoice(Long pk, String invoiceNumber, LocalDate dueDate, BigDecimal openAmount, String currency,
                              String productType) {

        static OpenInvoice of(Invoice invoice) {
            String productType = invoice.getContract() == null || invoice.getContract().getProductType() == null
                    ? "UNKNOWN" : invoice.getContract().getProductType();
            return new OpenInvoice(invoice.getId(), invoice.getInvoiceNumber(), invoice.getDueDate(), invoice.getOpenAmount(),
                    invoice.getCurrency(), productType);
        }
    }

    /** An amount in one currency. */
    public record Money(String currency, BigDecimal amount) {
    }

    /** A debtor a search found, with what they owe past due per currency. */
    public record DebtorHit(Long pk, String customerId, String name, String phone, String email, String country,
                            String timeZone, List<Money> overdue) {
    }

    /** One page of a search and how many debtors matched in all. */
    public record DebtorHits(List<DebtorHit> hits, long total) {
    }

    /** A debtor's id and name, for lists that name debtors. */
    public record DebtorName(String customerId, String name) {
    }

    private final CustomerRepository customers;
    private final InvoiceRepository invoices;
    private final PaymentRepository payments;
    private final DebtorSearch search;
    private final CustomerViews views;
    private final ChargePushes chargePushes;
    private final InvoiceChargesReader charges;

    LedgerQueries(CustomerRepository customers, InvoiceRepository invoices, PaymentRepository payments,
                  DebtorSearch search, CustomerViews views, ChargePushes chargePushes, InvoiceChargesReader charges) {
        this.charges = charges;
        this.customers = customers;
        this.invoices = invoices;
        this.payments = payments;
        this.search = search;
        this.views = views;
        this.chargePushes = chargePushes;
    }

    /** Up to {@code limit} of our charges (interest, fees) the ERP has not been told of at their current amount, oldest first. */
    public List<ChargeToPush> chargesToPush(int limit) {
        return chargePushes.toPush(limit);
    }

    /**
     * Debtors whose name contains the term (accents and case ignored), whose phone is the term in any format,
     * whose e-mail, customer id or invoice number it is, or whose primary key is among {@code alsoPks}; by name.
     */
    public DebtorHits searchDebtors(String term, Collection<Long> alsoPks, LocalDate asOf, int page, int size) {
        return search.find(term, alsoPks, asOf, page, size);
    }

    /** The legal entity the debtor (and so each of its invoices and tickets) belongs to. */
    public String legalEntityOf(Long customerPk) {
        return customers.findById(customerPk).map(Customer::getLegalEntity)
                .orElseThrow(() -> new NotFound("No customer with id " + customerPk));
    }

    /** The debtor's primary key for the ERP's customer id. */
    public Optional<Long> findDebtorPk(String customerId) {
        return customers.findByCustomerId(customerId).map(Customer::getId);
    }

    /** The customer's account: contact points and consents, balances, contracts, invoices with DPD, payments. */
    public LedgerViews.CustomerView account(String customerId) {
        return views.customer(customerId);
    }

    /** Debtors' ids and names by primary key (one query). */
    public Map<Long, DebtorName> debtorNames(Collection<Long> customerPks) {
        Map<Long, DebtorName> names = new HashMap<>();
        if (!customerPks.isEmpty()) {
            customers.findAllById(customerPks).forEach(c -> names.put(c.getId(), new DebtorName(c.getCustomerId(), c.getName())));
        }
        return names;
    }

    public Optional<DebtorFacts> findDebtor(Long customerPk) {
        return customers.findById(customerPk).map(DebtorFacts::of);
    }

    public DebtorFacts debtor(Long customerPk) {
        return findDebtor(customerPk).orElseThrow(() -> new NotFound("No customer with id " + customerPk));
    }

    /** The debtors (primary keys) the ERP gave this phone number. */
    public List<Long> debtorsWithPhone(String phone) {
        return customers.findPksByPhone(phone);
    }

    /** The ERP's customer ids by primary key (one query), for lists that name debtors. */
    public Map<Long, String> customerIds(Collection<Long> customerPks) {
        Map<Long, String> ids = new HashMap<>();
        if (!customerPks.isEmpty()) {
            customers.findAllById(customerPks).forEach(c -> ids.put(c.getId(), c.getCustomerId()));
        }
        return ids;
    }

    /** The customer's invoices in one currency with money open that fell due before a day, oldest first. */
    public List<OpenInvoice> overdue(Long customerPk, String currency, LocalDate asOf) {
        return invoices.findOverdue(customerPk, currency, asOf).stream().map(OpenInvoice::of).toList();
    }

    /** Of these invoices, those with money open that fell due before a day, oldest due date (then number) first. */
    public List<OpenInvoice> overdueAmong(Collection<Long> invoicePks, LocalDate day) {
        return invoicePks.isEmpty() ? List.of()
                : invoices.findOverdueAmong(invoicePks, day).stream().map(OpenInvoice::of).toList();
    }

    /**
     * Of these invoices, those a dunning document lists: money open past due on the day, or principal paid in full with
     * interest or fees still open; oldest due date (then number) first.
     */
    public List<OpenInvoice> dunnedAmong(Collection<Long> invoicePks, LocalDate day) {
        if (invoicePks.isEmpty()) {
            return List.of();
        }
        List<Invoice> candidates = invoices.findOverdueOrPaidAmong(invoicePks, day);
        Map<Long, InvoiceCharges> charged = charges.read(candidates.stream().filter(i -> i.getOpenAmount().signum() == 0)
                .map(Invoice::getId).toList());
        return candidates.stream().filter(i -> i.getOpenAmount().signum() > 0
                        || (charged.containsKey(i.getId()) && charged.get(i.getId()).open().signum() > 0))
                .map(OpenInvoice::of).toList();
    }

    /** The interest and fees of these invoices (by primary key) and what payments settled of them; none: no entry. */
    public Map<Long, InvoiceCharges> chargesOf(Collection<Long> invoicePks) {
        return charges.read(invoicePks);
    }

    /** The invoice numbers of these invoices, sorted. */
    public List<String> invoiceNumbers(Collection<Long> invoicePks) {
        return invoicePks.isEmpty() ? List.of()
                : invoices.findAllById(invoicePks).stream().map(Invoice::getInvoiceNumber).sorted().toList();
    }

    /** What the customer paid in a currency on or after a day. */
    public BigDecimal paidSince(Long customerPk, String currency, LocalDate since) {
        return payments.paidSince(customerPk, currency, since);
    }
}
