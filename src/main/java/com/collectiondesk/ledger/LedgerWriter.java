package com.collectiondesk.ledger;

import com.collectiondesk.ledger.IncomingRecords.ChargeRecord;
import com.collectiondesk.ledger.IncomingRecords.ContractRecord;
import com.collectiondesk.ledger.IncomingRecords.CustomerRecord;
import com.collectiondesk.ledger.IncomingRecords.InvoiceRecord;
import com.collectiondesk.ledger.IncomingRecords.PaymentRecord;
import com.collectiondesk.system.BusinessClock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Upserts one batch of records by natural id in one transaction. Everything a batch refers to is loaded with
 * one IN query per table, so a batch of a thousand rows costs a handful of queries plus batched writes.
 * Used by the CSV import (a batch per chunk of rows) and by the single-record API (a batch of one).
 */
@Component
@Transactional
class LedgerWriter {

    private final CustomerRepository customers;
    private final ContractRepository contracts;
    private final InvoiceRepository invoices;
    private final PaymentRepository payments;
    private final ChargeRepository charges;
    private final Allocations allocations;
    private final InterestAccrual interest;
    private final ApplicationEventPublisher events;
    private final BusinessClock clock;
    private final List<String> productTypes;
    private final LegalEntities entities;

    LedgerWriter(CustomerRepository customers, ContractRepository contracts, InvoiceRepository invoices,
                 PaymentRepository payments, ChargeRepository charges, Allocations allocations,
                 InterestAccrual interest, ApplicationEventPublisher events,
                 BusinessClock clock, LedgerSettings settings, LegalEntities entities) {
        this.entities = entities;
        this.customers = customers;
        this.contracts = contracts;
        this.invoices = invoices;
        this.payments = payments;
        this.charges = charges;
        this.allocations = allocations;
        this.interest = interest;
        this.events = events;
        this.clock = clock;
        this.productTypes = settings.productTypes();
    }

    ChunkOutcome write(RecordKind kind, List<Fields> rows) {
        ChunkOutcome outcome = switch (kind) {
            case CUSTOMERS -> writeCustomers(rows);
            case CONTRACTS -> writeContracts(rows);
            case INVOICES -> writeInvoices(rows);
            case PAYMENTS -> writePayments(rows);
            case CHARGES -> writeCharges(rows);
        };
        // by row, then in the file's column order, whichever check found the problem first
        outcome.rejected.sort(java.util.Comparator.comparingInt(FieldError::row)
                .thenComparingInt(error -> kind.columns().indexOf(error.field())));
        return outcome;
    }

    private ChunkOutcome writeCustomers(List<Fields> rows) {
        ChunkOutcome outcome = new ChunkOutcome();
        List<Parsed<CustomerRecord>> valid = parse(rows, outcome, check -> CustomerRecord.parse(check, entities));
        Map<String, Customer> existing = load(keys(valid, CustomerRecord::customerId), customers::findByCustomerIdIn, Customer::getCustomerId);
        for (Parsed<CustomerRecord> parsed : valid) {
            CustomerRecord record = parsed.record();
            Customer customer = existing.get(record.customerId());
            if (customer == null) {
                customer = new Customer(record.customerId());
                record.applyTo(customer);
                existing.put(record.customerId(), customers.save(customer));
                outcome.created++;
                outcome.accepted++;
            } else if (record.sameAs(customer)) {
                outcome.unchanged++;
            } else if (record.legalEntity() != null && !record.legalEntity().equals(customer.getLegalEntity())
                    && invoices.existsByCustomer(customer)) {
                outcome.rejected.add(new FieldError(parsed.row(), "legal_entity", "customer " + Quoted.of(record.customerId())
                        + " has invoices of legal entity " + customer.getLegalEntity()
                        + "; a customer of another entity needs its own customer id"));
            } else {
                outcome.changes.addAll(record.flagChanges(customer, parsed.row()));
                String searchedBy = searchTextOf(customer);
                record.applyTo(customer);
                if (!searchedBy.equals(searchTextOf(customer))) {
                    events.publishEvent(new DebtorContactsChanged(customer.getId()));
                }
                outcome.accepted++;
            }
        }
        return outcome;
    }

    /** A contract or invoice is its customer's entity's: naming another would put two entities on one ticket. */
    private static boolean otherEntity(String legalEntity, Customer customer) {
        return legalEntity != null && !legalEntity.equals(customer.getLegalEntity());
    }

    private static FieldError otherEntity(int row, String legalEntity, Customer customer) {
        return new FieldError(row, "legal_entity", "customer " + Quoted.of(customer.getCustomerId()) + " belongs to legal entity "
                + customer.getLegalEntity() + ", not " + legalEntity + "; its contracts and invoices are its entity's");
    }

    private static String searchTextOf(Customer customer) {
        return DebtorSearchText.ofDebtor(customer.getName(), customer.getPhone(), customer.getEmail());
    }

    private ChunkOutcome writeContracts(List<Fields> rows) {
        ChunkOutcome outcome = new ChunkOutcome();
        List<Parsed<ContractRecord>> valid = parse(rows, outcome, check -> ContractRecord.parse(check, productTypes, entities));
        Map<String, Customer> owners = customersOf(keys(valid, ContractRecord::customerId));
        Map<String, Contract> existing = load(keys(valid, ContractRecord::contractId), contracts::findByContractIdIn, Contract::getContractId);
        for (Parsed<ContractRecord> parsed : valid) {
            ContractRecord record = parsed.record();
            Customer customer = owners.get(record.customerId());
            if (customer == null) {
                outcome.rejected.add(unknownCustomer(parsed));
                continue;
            }
            if (otherEntity(record.legalEntity(), customer)) {
                outcome.rejected.add(otherEntity(parsed.row(), record.legalEntity(), customer));
                continue;
            }
            Contract contract = existing.get(record.contractId());
            if (contract == null) {
                contract = new Contract(record.contractId());
                contract.setCustomer(customer);
                contract.setProductType(record.productType());
                existing.put(record.contractId(), contracts.save(contract));
                outcome.created++;
                outcome.accepted++;
            } else if (contract.getCustomer().getId().equals(customer.getId())
                    && contract.getProductType().equals(record.productType())) {
                outcome.unchanged++;
            } else {
                contract.setCustomer(customer);
                contract.setProductType(record.productType());
                outcome.accepted++;
            }
        }
        return outcome;
    }

    private ChunkOutcome writeInvoices(List<Fields> rows) {
        ChunkOutcome outcome = new ChunkOutcome();
        List<Parsed<InvoiceRecord>> valid = parse(rows, outcome, check -> InvoiceRecord.parse(check, entities));
        Map<String, Customer> owners = customersOf(keys(valid, InvoiceRecord::customerId));
        Set<String> contractIds = valid.stream().map(p -> p.record().contractId()).filter(Objects::nonNull)
                .collect(Collectors.toSet());
        Map<String, Contract> knownContracts = load(contractIds, contracts::findByContractIdIn, Contract::getContractId);
        Map<String, Invoice> existing = load(keys(valid, InvoiceRecord::invoiceNumber), invoices::findByInvoiceNumberIn, Invoice::getInvoiceNumber);
        Set<Customer> billed = new LinkedHashSet<>();
        List<ErpHoldsImported.InvoiceHold> holds = new java.util.ArrayList<>();
        for (Parsed<InvoiceRecord> parsed : valid) {
            InvoiceRecord record = parsed.record();
            int before = outcome.rejected.size();
            writeInvoice(parsed, owners, knownContracts, existing, billed, outcome);
            Invoice stored = existing.get(record.invoiceNumber());
            if (record.hold() != null && outcome.rejected.size() == before && stored != null) {
                holds.add(new ErpHoldsImported.InvoiceHold(stored.getId(), stored.getCustomer().getId(), stored.getInvoiceNumber(),
                        record.hold().reason(), record.hold().endsOn(), record.hold().note()));
            }
        }
        spendCreditOf(billed);
        recomputeInterest(billed.stream().map(Customer::getId).toList());
        if (!holds.isEmpty()) {
            events.publishEvent(new ErpHoldsImported(List.copyOf(holds)));
        }
        return outcome;
    }

    private void writeInvoice(Parsed<InvoiceRecord> parsed, Map<String, Customer> owners, Map<String, Contract> knownContracts,
                              Map<String, Invoice> existing, Set<Customer> billed, ChunkOutcome outcome) {
        InvoiceRecord record = parsed.record();
        int row = parsed.row();
        Customer customer = owners.get(record.customerId());
        if (customer == null) {
            outcome.rejected.add(unknownCustomer(parsed));
            return;
        }
        if (otherEntity(record.legalEntity(), customer)) {
            outcome.rejected.add(otherEntity(row, record.legalEntity(), customer));
            return;
        }
        List<String> currencies = entities.invoiceCurrencies(customer.getLegalEntity());
        if (!currencies.isEmpty() && !currencies.contains(record.currency())) {
            outcome.rejected.add(new FieldError(row, "currency", Quoted.of(record.currency()) + " is not a currency of legal entity "
                    + customer.getLegalEntity() + "; its invoices are in " + String.join(", ", currencies)));
            return;
        }
        Contract contract = record.contractId() == null ? null : knownContracts.get(record.contractId());
        if (record.contractId() != null && contract == null) {
            outcome.rejected.add(new FieldError(row, "contract_id", "no contract '" + record.contractId() + "'"));
            return;
        }
        if (contract != null && !contract.getCustomer().getId().equals(customer.getId())) {
            outcome.rejected.add(new FieldError(row, "contract_id",
                    "contract '" + record.contractId() + "' belongs to another customer"));
            return;
        }
        Invoice invoice = existing.get(record.invoiceNumber());
        if (invoice == null) {
            invoice = new Invoice(record.invoiceNumber());
            invoice.setCustomer(customer);
            fill(invoice, record, contract);
            existing.put(record.invoiceNumber(), invoices.save(invoice));
            billed.add(customer);
            outcome.created++;
            outcome.accepted++;
            return;
        }
        FieldError conflict = conflictWithExisting(invoice, record, customer, row);
        if (conflict != null) {
            outcome.rejected.add(conflict);
        } else if (sameInvoice(invoice, record, contract)) {
            outcome.unchanged++;
        } else {
            fill(invoice, record, contract);
            billed.add(customer);
            outcome.accepted++;
        }
    }

    private static FieldError conflictWithExisting(Invoice invoice, InvoiceRecord record, Customer customer, int row) {
        if (!invoice.getCustomer().getId().equals(customer.getId())) {
            return new FieldError(row, "customer_id", "invoice '" + record.invoiceNumber() + "' belongs to another customer");
        }
        boolean paidSomething = invoice.paidAmount().signum() > 0;
        if (paidSomething && !invoice.getCurrency().equals(record.currency())) {
            return new FieldError(row, "currency", "invoice '" + record.invoiceNumber() + "' is already partly paid in "
                    + invoice.getCurrency());
        }
        if (record.amount().compareTo(invoice.paidAmount()) < 0) {
            return new FieldError(row, "amount", "is less than the " + invoice.paidAmount() + " " + invoice.getCurrency()
                    + " already paid on this invoice");
        }
        return null;
    }

    private static boolean sameInvoice(Invoice invoice, InvoiceRecord record, Contract contract) {
        Long contractPk = invoice.getContract() == null ? null : invoice.getContract().getId();
        return Objects.equals(contractPk, contract == null ? null : contract.getId())
                && invoice.getIssueDate().equals(record.issueDate()) && invoice.getDueDate().equals(record.dueDate())
                && invoice.getAmount().compareTo(record.amount()) == 0 && invoice.getCurrency().equals(record.currency());
    }

    private static void fill(Invoice invoice, InvoiceRecord record, Contract contract) {
        invoice.setContract(contract);
        invoice.setIssueDate(record.issueDate());
        invoice.setDueDate(record.dueDate());
        invoice.setCurrency(record.currency());
        invoice.changeAmount(record.amount());
    }

    /** Credit left over from earlier payments pays the invoices just imported (one query finds who has any). */
    private void spendCreditOf(Set<Customer> billed) {
        if (billed.isEmpty()) {
            return;
        }
        Map<Long, Customer> byPk = billed.stream().collect(Collectors.toMap(Customer::getId, Function.identity()));
        List<Long> withCredit = payments.findCustomersWithCredit(byPk.keySet());
        if (!withCredit.isEmpty()) {
            List<Customer> locked = customers.lockAllById(withCredit);
            recomputeInterest(withCredit);
            for (Customer customer : locked) {
                allocations.spendCredit(customer, payments.findAllWithCredit(customer));
            }
        }
    }

    private ChunkOutcome writePayments(List<Fields> rows) {
        ChunkOutcome outcome = new ChunkOutcome();
        List<Parsed<PaymentRecord>> valid = parse(rows, outcome, PaymentRecord::parse);
        Map<String, Customer> owners = customersOf(keys(valid, PaymentRecord::customerId));
        if (!owners.isEmpty()) {
            // serialised per customer against other bookings and credit spending, all of the batch's at once
            customers.lockAllById(owners.values().stream().map(Customer::getId).toList());
        }
        Map<String, Payment> existing = load(keys(valid, PaymentRecord::paymentId), payments::findByPaymentIdIn, Payment::getPaymentId);
        Set<String> referenced = valid.stream().map(p -> p.record().invoiceNumber()).filter(Objects::nonNull)
                .collect(Collectors.toSet());
        Map<String, Invoice> referencedInvoices = load(referenced, invoices::findByInvoiceNumberIn, Invoice::getInvoiceNumber);
        Map<Long, Set<String>> currencies = owners.isEmpty() ? Map.of() : invoiceCurrencies(owners.values());
        // interest brought up to date before payments settle it; again for a debtor's second payment in the batch
        recomputeInterest(owners.values().stream().map(Customer::getId).toList());
        Set<Long> paidInBatch = new java.util.HashSet<>();
        for (Parsed<PaymentRecord> parsed : valid) {
            PaymentRecord record = parsed.record();
            int row = parsed.row();
            Customer customer = owners.get(record.customerId());
            if (customer == null) {
                outcome.rejected.add(unknownCustomer(parsed));
                continue;
            }
            Payment known = existing.get(record.paymentId());
            if (known != null) {
                if (record.sameAs(known)) {
                    outcome.unchanged++;
                } else {
                    outcome.rejected.add(new FieldError(row, "payment_id", "payment '" + record.paymentId()
                            + "' is already booked with other values; booked payments cannot change"));
                }
                continue;
            }
            Invoice invoice = null;
            if (record.invoiceNumber() != null) {
                invoice = referencedInvoices.get(record.invoiceNumber());
                if (invoice == null) {
                    outcome.rejected.add(new FieldError(row, "invoice_number", "no invoice '" + record.invoiceNumber() + "'"));
                    continue;
                }
                if (!invoice.getCustomer().getId().equals(customer.getId())) {
                    outcome.rejected.add(new FieldError(row, "invoice_number",
                            "invoice '" + record.invoiceNumber() + "' belongs to another customer"));
                    continue;
                }
                if (!invoice.getCurrency().equals(record.currency())) {
                    outcome.rejected.add(new FieldError(row, "currency", "payment in " + record.currency() + " but invoice '"
                            + record.invoiceNumber() + "' is in " + invoice.getCurrency()));
                    continue;
                }
            } else {
                Set<String> billedIn = currencies.getOrDefault(customer.getId(), Set.of());
                if (!billedIn.isEmpty() && !billedIn.contains(record.currency())) {
                    outcome.rejected.add(new FieldError(row, "currency", "payment in " + record.currency()
                            + " but the customer's invoices are in " + String.join(", ", billedIn)));
                    continue;
                }
            }
            if (!paidInBatch.add(customer.getId())) {
                recomputeInterest(List.of(customer.getId()));
            }
            Payment payment = payments.save(new Payment(record.paymentId(), customer, record.invoiceNumber(),
                    record.amount(), record.currency(), record.paidOn()));
            allocations.allocateNewPayment(payment, invoice);
            existing.put(record.paymentId(), payment);
            events.publishEvent(new PaymentBooked(customer.getId(), customer.getCustomerId(), payment.getPaymentId(),
                    payment.getAmount(), payment.getCurrency()));
            outcome.created++;
            outcome.accepted++;
        }
        recomputeInterest(owners.values().stream().map(Customer::getId).toList());
        return outcome;
    }

    /** Interest follows the principal's history: recomputed for the debtors whose payments or invoices just changed. */
    private void recomputeInterest(java.util.Collection<Long> customerPks) {
        interest.accrueCustomers(customerPks, clock.today());
    }

    /** The ERP's own charges, by its charge id: new ones stored, changed ones updated (the ERP recomputes its own). */
    private ChunkOutcome writeCharges(List<Fields> rows) {
        ChunkOutcome outcome = new ChunkOutcome();
        List<Parsed<ChargeRecord>> valid = parse(rows, outcome, ChargeRecord::parse);
        Map<String, Invoice> charged = load(keys(valid, ChargeRecord::invoiceNumber), invoices::findByInvoiceNumberIn,
                Invoice::getInvoiceNumber);
        Map<String, Charge> existing = load(keys(valid, ChargeRecord::chargeKey), charges::findByChargeKeyIn, Charge::getChargeKey);
        for (Parsed<ChargeRecord> parsed : valid) {
            ChargeRecord record = parsed.record();
            Invoice invoice = charged.get(record.invoiceNumber());
            if (invoice == null) {
                outcome.rejected.add(new FieldError(parsed.row(), "invoice_number", "no invoice '" + record.invoiceNumber() + "'"));
                continue;
            }
            if (!invoice.getCurrency().equals(record.currency())) {
                outcome.rejected.add(new FieldError(parsed.row(), "currency", "charge in " + record.currency() + " but invoice '"
                        + record.invoiceNumber() + "' is in " + invoice.getCurrency()));
                continue;
            }
            Charge charge = existing.get(record.chargeKey());
            if (charge != null && record.sameAs(charge)) {
                outcome.unchanged++;
                continue;
            }
            if (charge == null) {
                charge = new Charge(record.chargeKey(), ChargeSource.ERP);
                outcome.created++;
            }
            charge.fill(invoice, record.kind(), record.rule(), record.basis(), record.rate(), record.periodFrom(),
                    record.periodTo(), record.amount());
            existing.put(record.chargeKey(), charges.save(charge));
            outcome.accepted++;
        }
        // the ERP's interest covers its period: ours for those days goes
        recomputeInterest(charged.values().stream().map(i -> i.getCustomer().getId()).distinct().toList());
        return outcome;
    }

    private Map<Long, Set<String>> invoiceCurrencies(java.util.Collection<Customer> owners) {
        Map<Long, Set<String>> currencies = new HashMap<>();
        for (Object[] pair : invoices.findCurrenciesOfCustomers(owners.stream().map(Customer::getId).toList())) {
            currencies.computeIfAbsent((Long) pair[0], pk -> new java.util.TreeSet<>()).add((String) pair[1]);
        }
        return currencies;
    }

    private Map<String, Customer> customersOf(Set<String> customerIds) {
        return load(customerIds, customers::findByCustomerIdIn, Customer::getCustomerId);
    }

    private static FieldError unknownCustomer(Parsed<?> parsed) {
        return new FieldError(parsed.row(), "customer_id", "no customer '" + parsed.fields().get("customer_id") + "'");
    }

    private record Parsed<T>(int row, Fields fields, T record) {
    }

    private <T> List<Parsed<T>> parse(List<Fields> rows, ChunkOutcome outcome, Function<RecordValidator, T> parser) {
        List<Parsed<T>> valid = new ArrayList<>(rows.size());
        LocalDate today = clock.today();
        for (Fields fields : rows) {
            RecordValidator check = new RecordValidator(fields, today);
            T record = parser.apply(check);
            if (record == null) {
                outcome.rejected.addAll(check.errors());
            } else {
                valid.add(new Parsed<>(fields.row(), fields, record));
            }
        }
        return valid;
    }

    private static <T> Set<String> keys(List<Parsed<T>> valid, Function<T, String> key) {
        return valid.stream().map(p -> key.apply(p.record())).collect(Collectors.toSet());
    }

    /** One IN query for all keys of the batch (none for an empty batch), as a mutable map by natural id. */
    private static <E> Map<String, E> load(Set<String> keys, Function<Set<String>, List<E>> query, Function<E, String> key) {
        Map<String, E> map = new HashMap<>();
        if (!keys.isEmpty()) {
            query.apply(keys).forEach(entity -> map.put(key.apply(entity), entity));
        }
        return map;
    }
}
