package com.collectiondesk.ledger;

import com.collectiondesk.errors.NotFound;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The ledger's write API: the only way another module (tickets, outreach, the ERP sync) changes a debtor, an
 * invoice or a payment. Records and payments take the import's own path ({@link LedgerWriter}), so validation,
 * allocation, locking and the {@link PaymentBooked} event are the same whichever door the money came in by.
 */
@Service
@Transactional
public class LedgerCommands {

    /** Money taken off one invoice by {@link #cancelNewestFirst}. */
    public record Cancellation(String invoiceNumber, BigDecimal amount) {
    }

    /** What the ERP shows open on one of its invoices. */
    public record ErpOpenAmount(String invoiceNumber, BigDecimal openAmount) {
    }

    /** How many invoices the ERP's figures lowered, and how many it named that the ledger does not hold. */
    public record ErpAlignment(int reduced, int unknown) {
    }

    private final SingleRecords records;
    private final CustomerRepository customers;
    private final InvoiceRepository invoices;
    private final PaymentRepository payments;
    private final InvoiceCancellations cancellations;
    private final InterestAccrual interest;
    private final InterestRates rates;
    private final ChargeRepository charges;
    private final InterestFreezes freezes;
    private final ChargePushes chargePushes;
    private final FlatCompensation compensation;
    private final org.springframework.context.ApplicationEventPublisher events;
    private final com.collectiondesk.system.BusinessClock clock;

    LedgerCommands(SingleRecords records, CustomerRepository customers, InvoiceRepository invoices,
                   PaymentRepository payments, InvoiceCancellations cancellations, InterestAccrual interest,
                   InterestRates rates, ChargeRepository charges, InterestFreezes freezes, ChargePushes chargePushes,
                   FlatCompensation compensation, org.springframework.context.ApplicationEventPublisher events,
                   com.collectiondesk.system.BusinessClock clock) {
        this.records = records;
        this.customers = customers;
        this.invoices = invoices;
        this.payments = payments;
        this.cancellations = cancellations;
        this.interest = interest;
        this.rates = rates;
        this.charges = charges;
        this.freezes = freezes;
        this.chargePushes = chargePushes;
        this.compensation = compensation;
        this.events = events;
        this.clock = clock;
    }

    /**
     * The daily accrual: late-payment interest of every invoice with principal open, recomputed through yesterday
     * (business zone) in one set-based statement; answers how many interest rows it wrote (added, changed or removed).
     */
    public int accrueInterest() {
        rates.store();
        // the flat B2B compensation (off by default) is charged by the same daily run, once per overdue invoice
        compensation.chargeDue(clock.today());
        return interest.accrueOpen(clock.today());
    }

    /**
     * Stores one customer, contract or invoice given by its CSV columns, exactly as a CSV row or the single-record
     * API would; refused (naming the fields, as the API answers 400) when the import would refuse it.
     */
    public void record(RecordKind kind, Map<String, String> columns) {
        records.write(kind, kind.name().toLowerCase(java.util.Locale.ROOT), new Fields(0, columns));
    }

    /**
     * Books a payment as the import does: the referenced invoice first, then the oldest open ones, the rest as
     * credit, under the debtor's lock, publishing {@link PaymentBooked} in this transaction; answers that event.
     */
    public PaymentBooked bookPayment(String paymentId, String customerId, String invoiceNumber, BigDecimal amount,
                                     String currency, LocalDate paidOn) {
        Map<String, String> columns = new HashMap<>();
        columns.put("payment_id", paymentId);
        columns.put("customer_id", customerId);
        columns.put("invoice_number", invoiceNumber);
        columns.put("amount", amount.toPlainString());
        columns.put("currency", currency);
        columns.put("paid_on", paidOn.toString());
        records.write(RecordKind.PAYMENTS, "payment", new Fields(0, columns));
        Payment payment = payments.findByPaymentId(paymentId).orElseThrow();
        return new PaymentBooked(payment.getCustomer().getId(), customerId, paymentId, payment.getAmount(), payment.getCurrency());
    }

    /**
     * Charges a fee once per key (a step that went out): on the oldest of these invoices in the fee's currency that
     * has principal overdue, else the oldest of them in that currency. Answers the invoice's number; empty when the
     * key was charged before or none of the invoices is in that currency.
     */
    public java.util.Optional<String> chargeFee(String key, Collection<Long> invoicePks, BigDecimal amount, String currency,
                                                String rule) {
        if (invoicePks.isEmpty() || !charges.findByChargeKeyIn(List.of(key)).isEmpty()) {
            return java.util.Optional.empty();
        }
        LocalDate today = clock.today();
        java.util.Optional<Invoice> target = invoices.findAllById(invoicePks).stream()
                .filter(invoice -> invoice.getCurrency().equals(currency))
                .min(java.util.Comparator.comparing((Invoice invoice) -> !invoice.isOverdueOn(today))
                        .thenComparing(Invoice::getDueDate).thenComparing(Invoice::getInvoiceNumber));
        target.ifPresent(invoice -> {
            Charge fee = new Charge(key, ChargeSource.OURS);
            fee.fill(invoice, ChargeKind.FEE, rule.length() > 80 ? rule.substring(0, 80) : rule, null, null, null, null, amount);
            charges.save(fee);
        });
        return target.map(Invoice::getInvoiceNumber);
    }

    /**
     * No late-payment interest on these invoices from {@code from} through {@code through} (null: until
     * {@link #endInterestFreeze}), once per key; their interest is recomputed, so a back-dated freeze takes its days back.
     */
    public void freezeInterest(String key, Collection<Long> invoicePks, LocalDate from, LocalDate through) {
        if (invoicePks.isEmpty()) {
            return;
        }
        freezes.freeze(key, invoicePks, from, through);
        interest.accrueCustomers(invoices.findAllById(invoicePks).stream().map(i -> i.getCustomer().getId()).distinct().toList(),
                clock.today());
    }

    /** The key's freezes end after {@code through}: interest runs again from the next day. */
    public void endInterestFreeze(String key, LocalDate through) {
        interest.accrueCustomers(freezes.end(key, through), clock.today());
    }

    /** The ERP was told of our charge at this amount (the connector's push); told again only when it changes. */
    public void chargePushed(String chargeKey, BigDecimal amount) {
        chargePushes.pushed(chargeKey, amount, clock.now());
    }

    /** Marks the invoices written off (the money stays open: the ERP owns it); the first write-off's time counts. */
    public void writeOff(Collection<Long> invoicePks, Instant at) {
        if (!invoicePks.isEmpty()) {
            invoices.findAllById(invoicePks).forEach(invoice -> invoice.writeOff(at));
        }
    }

    /**
     * Cancels up to {@code amount} on those of these invoices that have money open, newest due date first (an
     * upheld dispute); each cancellation is kept with today's business day. Answers what it took where.
     */
    public List<Cancellation> cancelNewestFirst(Collection<Long> invoicePks, BigDecimal amount, String reason) {
        List<Cancellation> cancelled = new ArrayList<>();
        if (invoicePks.isEmpty()) {
            return cancelled;
        }
        BigDecimal left = amount;
        for (Invoice invoice : invoices.findOpenAmongNewestFirst(invoicePks)) {
            if (left.signum() == 0) {
                break;
            }
            BigDecimal taken = cancellations.cancel(invoice, left, reason);
            left = left.subtract(taken);
            cancelled.add(new Cancellation(invoice.getInvoiceNumber(), taken));
        }
        interest.accrueCustomers(invoices.findAllById(invoicePks).stream().map(i -> i.getCustomer().getId()).distinct().toList(),
                clock.today());
        return cancelled;
    }

    /**
     * Brings open amounts in line with the ERP: where the ERP shows less open (paid or credited there), the
     * invoice is reduced to match without a payment; more open in the ERP changes nothing. A missing open amount
     * counts as nothing open. Invoices the ledger does not hold are only counted: they arrive through the import.
     */
    public ErpAlignment applyErpOpenAmounts(List<ErpOpenAmount> erpInvoices) {
        Map<String, Invoice> known = invoices.findByInvoiceNumberIn(erpInvoices.stream().map(ErpOpenAmount::invoiceNumber).toList())
                .stream().collect(Collectors.toMap(Invoice::getInvoiceNumber, Function.identity()));
        int reduced = 0;
        int unknown = 0;
        for (ErpOpenAmount erpInvoice : erpInvoices) {
            Invoice invoice = known.get(erpInvoice.invoiceNumber());
            if (invoice == null) {
                unknown++;
                continue;
            }
            BigDecimal gap = invoice.getOpenAmount().subtract(erpInvoice.openAmount() == null ? BigDecimal.ZERO : erpInvoice.openAmount());
            if (gap.signum() > 0) {
                invoice.settle(gap);
                reduced++;
            }
        }
        return new ErpAlignment(reduced, unknown);
    }

    /** The ERP's hold on one of its invoices as its REST answer gives it: the import's {@code hold_*} columns as text. */
    public record ErpHoldFields(String invoiceNumber, String reason, String endsOn, String note) {
    }

    /** An ERP hold refused, naming the import's column. */
    public record ErpHoldRefused(String invoiceNumber, String field, String message) {
    }

    /**
     * The ERP's holds from its REST answer, checked as the import checks its {@code hold_*} columns (a blank reason lifts
     * the ERP's hold): published as {@link ErpHoldsImported} for the hold feature; a wrong value refuses that invoice's
     * hold, naming the field, and the others are kept. Invoices the ledger does not hold are left out.
     */
    public List<ErpHoldRefused> applyErpHolds(List<ErpHoldFields> erpHolds) {
        Map<String, Invoice> known = invoices.findByInvoiceNumberIn(erpHolds.stream().map(ErpHoldFields::invoiceNumber).toList())
                .stream().collect(Collectors.toMap(Invoice::getInvoiceNumber, Function.identity()));
        List<ErpHoldRefused> refused = new ArrayList<>();
        List<ErpHoldsImported.InvoiceHold> holds = new ArrayList<>();
        for (ErpHoldFields erp : erpHolds) {
            Invoice invoice = known.get(erp.invoiceNumber());
            if (invoice == null) {
                continue;
            }
            Map<String, String> columns = new HashMap<>();
            columns.put("hold_reason", erp.reason());
            columns.put("hold_ends_on", erp.endsOn());
            columns.put("hold_note", erp.note());
            RecordValidator check = new RecordValidator(new Fields(0, columns), clock.today());
            IncomingRecords.InvoiceRecord.ErpHold hold = IncomingRecords.InvoiceRecord.ErpHold.parse(check);
            if (!check.isValid()) {
                check.errors().forEach(error -> refused.add(new ErpHoldRefused(erp.invoiceNumber(), error.field(), error.message())));
                continue;
            }
            holds.add(new ErpHoldsImported.InvoiceHold(invoice.getId(), invoice.getCustomer().getId(), invoice.getInvoiceNumber(),
                    hold.reason(), hold.endsOn(), hold.note()));
        }
        if (!holds.isEmpty()) {
            events.publishEvent(new ErpHoldsImported(List.copyOf(holds)));
        }
        return refused;
    }

    /** The debtor's own STOP reply: kept apart from the ERP's flag, the first one counts. */
    public void stopSms(Long customerPk, Instant at) {
        customer(customerPk).stopSms(at);
    }

    /** The debtor's own click on an unsubscribe link: kept apart from the ERP's flag, the first one counts. */
    public void unsubscribeEmail(Long customerPk, Instant at) {
        customer(customerPk).unsubscribeEmail(at);
    }

    /** The risk score the scoring gives the debtor (null: unknown); the strategy reads it. */
    public void recordRiskScore(Long customerPk, Integer riskScore) {
        customer(customerPk).setRiskScore(riskScore);
    }

    /**
     * Takes the debtor's row lock until the caller's transaction ends: the lock payment allocation takes, so
     * contact decisions for one debtor are serialised with each other and with bookings.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void lockDebtor(Long customerPk) {
        customers.lockById(customerPk);
    }

    /**
     * A phone or an e-mail the debtor corrected and the ticket's owner confirmed: written as the single-record API
     * writes a customer (the same checks, a refusal names the field; searches and open tasks follow), every other
     * value as stored. Null leaves that contact point as it is.
     */
    public void correctContact(Long customerPk, String phone, String email) {
        Customer customer = customer(customerPk);
        Map<String, String> columns = new HashMap<>();
        columns.put("customer_id", customer.getCustomerId());
        columns.put("name", customer.getName());
        columns.put("phone", phone == null ? customer.getPhone() : phone);
        columns.put("email", email == null ? customer.getEmail() : email);
        columns.put("language", customer.getLanguage());
        columns.put("country", customer.getCountry());
        // a derived zone is derived again from the (new) phone; a given one stays
        columns.put("time_zone", Boolean.TRUE.equals(customer.getTimeZoneDerived()) ? null : customer.getTimeZone());
        columns.put("address", customer.getAddress());
        records.write(RecordKind.CUSTOMERS, "customer", new Fields(0, columns));
    }

    private Customer customer(Long customerPk) {
        return customers.findById(customerPk).orElseThrow(() -> new NotFound("No customer with id " + customerPk));
    }
}
