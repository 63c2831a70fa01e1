package com.collectiondesk.ledger;

import com.collectiondesk.errors.NotFound;
import com.collectiondesk.ledger.LedgerViews.AllocationView;
import com.collectiondesk.ledger.LedgerViews.BalanceView;
import com.collectiondesk.ledger.LedgerViews.ChargeView;
import com.collectiondesk.security.EntityScope;
import com.collectiondesk.ledger.LedgerViews.ContractView;
import com.collectiondesk.ledger.LedgerViews.CustomerView;
import com.collectiondesk.ledger.LedgerViews.InvoiceView;
import com.collectiondesk.ledger.LedgerViews.PaymentView;
import com.collectiondesk.system.BusinessClock;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Read side of the ledger: one customer with everything a collector needs to talk about money. */
@Service
@Transactional(readOnly = true)
class CustomerViews {

    private final CustomerRepository customers;
    private final ContractRepository contracts;
    private final InvoiceRepository invoices;
    private final PaymentRepository payments;
    private final PaymentAllocationRepository allocations;
    private final ChargeRepository charges;
    private final ChargeAllocationRepository chargeAllocations;
    private final ChargesDue chargesDue;
    private final LegalEntities entities;
    private final EntityScope scope;
    private final BusinessClock clock;

    CustomerViews(CustomerRepository customers, ContractRepository contracts, InvoiceRepository invoices,
                  PaymentRepository payments, PaymentAllocationRepository allocations, ChargeRepository charges,
                  ChargeAllocationRepository chargeAllocations, ChargesDue chargesDue, LegalEntities entities,
                  EntityScope scope, BusinessClock clock) {
        this.scope = scope;
        this.customers = customers;
        this.contracts = contracts;
        this.invoices = invoices;
        this.payments = payments;
        this.allocations = allocations;
        this.charges = charges;
        this.chargeAllocations = chargeAllocations;
        this.chargesDue = chargesDue;
        this.entities = entities;
        this.clock = clock;
    }

    CustomerView customer(String customerId) {
        Customer customer = find(customerId);
        LocalDate asOf = clock.today();
        List<Invoice> billed = invoices.findByCustomerOrderByDueDateAscInvoiceNumberAsc(customer);
        List<Payment> paid = payments.findByCustomerOrderByPaidOnDescPaymentIdDesc(customer);
        List<Charge> charged = charges.findByCustomer(customer);
        List<ChargeAllocation> chargesPaid = chargeAllocations.findByCustomer(customer);
        Map<Long, BigDecimal> chargesOpen = chargesDue.open(charged, chargesPaid);
        Map<Long, List<AllocationView>> allocationsByPayment = inOrder(customer, allocations.findByCustomer(customer), chargesPaid).stream()
                .collect(Collectors.groupingBy(Allocated::paymentPk, Collectors.mapping(Allocated::view, Collectors.toList())));
        return new CustomerView(customer.getCustomerId(), customer.getName(), customer.getPhone(), customer.getEmail(),
                customer.getLanguage(), customer.getCountry(), customer.getTimeZone(), customer.getAddress(),
                customer.isSmsOptOut(), customer.isEmailOptOut(), customer.isVoiceOptOut(), customer.isCeasedCommunication(),
                customer.getSmsStoppedAt(), customer.getEmailUnsubscribedAt(), asOf,
                billed.stream().mapToInt(invoice -> LedgerViews.daysPastDue(invoice, asOf)).max().orElse(0),
                balances(billed, paid, chargesOpen, asOf),
                contracts.findByCustomerOrderByContractId(customer).stream()
                        .map(contract -> new ContractView(contract.getContractId(), contract.getProductType())).toList(),
                billed.stream().map(invoice -> InvoiceView.of(invoice, asOf,
                        chargesOpen.getOrDefault(invoice.getId(), ZERO))).toList(),
                paid.stream().map(payment -> new PaymentView(payment.getPaymentId(), customer.getCustomerId(),
                        payment.getInvoiceNumber(), payment.getAmount(), payment.getCurrency(), payment.getPaidOn(),
                        payment.getUnallocatedAmount(), allocationsByPayment.getOrDefault(payment.getId(), List.of())))
                        .toList(),
                charged.stream().map(ChargeView::of).toList(), customer.getDebtorKind(), customer.getLegalEntity());
    }

    private static final BigDecimal ZERO = BigDecimal.ZERO.setScale(2);

    /** One piece of a payment, with the invoice's due date to list them in the order they were settled. */
    private record Allocated(Long paymentPk, LocalDate dueDate, AllocationView view) {
    }

    /** Principal and charge allocations together, in the entity's order of parts, then oldest invoice first. */
    private List<Allocated> inOrder(Customer customer, List<PaymentAllocation> principal, List<ChargeAllocation> charges) {
        AllocationOrder order = entities.allocationOrder(customer.getLegalEntity());
        List<Allocated> all = new java.util.ArrayList<>();
        principal.forEach(a -> all.add(new Allocated(a.getPayment().getId(), a.getInvoice().getDueDate(),
                new AllocationView(a.getInvoice().getInvoiceNumber(), a.getAmount(), AllocationPart.PRINCIPAL))));
        charges.forEach(a -> all.add(new Allocated(a.getPayment().getId(), a.getInvoice().getDueDate(),
                new AllocationView(a.getInvoice().getInvoiceNumber(), a.getAmount(), AllocationPart.of(a.getKind())))));
        java.util.Comparator<AllocationPart> parts = order == AllocationOrder.COSTS_INTEREST_PRINCIPAL
                ? java.util.Comparator.naturalOrder() : java.util.Comparator.comparing(p -> p == AllocationPart.PRINCIPAL ? 0 : 1 + p.ordinal());
        all.sort(java.util.Comparator.comparing((Allocated a) -> a.view().part(), parts)
                .thenComparing(Allocated::dueDate).thenComparing(a -> a.view().invoiceNumber()));
        return all;
    }

    PaymentView payment(String paymentId) {
        Payment payment = payments.findByPaymentId(paymentId)
                .orElseThrow(() -> new NotFound("No payment '" + paymentId + "'"));
        return new PaymentView(payment.getPaymentId(), payment.getCustomer().getCustomerId(), payment.getInvoiceNumber(),
                payment.getAmount(), payment.getCurrency(), payment.getPaidOn(), payment.getUnallocatedAmount(),
                inOrder(payment.getCustomer(), allocations.findByPayment(payment), chargeAllocations.findByPayment(payment)).stream()
                        .map(Allocated::view).toList());
    }

    /** The customer's name and invoices for the CSV export. */
    record InvoiceSheet(String customerId, String customerName, List<InvoiceView> invoices) {
    }

    InvoiceSheet invoiceSheet(String customerId) {
        Customer customer = find(customerId);
        LocalDate asOf = clock.today();
        return new InvoiceSheet(customer.getCustomerId(), customer.getName(),
                invoices.findByCustomerOrderByDueDateAscInvoiceNumberAsc(customer).stream()
                        .map(invoice -> InvoiceView.of(invoice, asOf)).toList());
    }

    /** Refuses (404, as for a missing one) a change to a customer of a legal entity the current user may not see. */
    void requireChangeable(String customerId) {
        customers.findByCustomerId(customerId).filter(customer -> !scope.maySee(customer.getLegalEntity()))
                .ifPresent(other -> {
                    throw new NotFound("No customer '" + customerId + "'");
                });
    }

    /** A customer of a legal entity the current user may not see is as unknown as a missing one. */
    private Customer find(String customerId) {
        return customers.findByCustomerId(customerId).filter(customer -> scope.maySee(customer.getLegalEntity()))
                .orElseThrow(() -> new NotFound("No customer '" + customerId + "'"));
    }

    private static List<BalanceView> balances(List<Invoice> billed, List<Payment> paid, Map<Long, BigDecimal> chargesOpen,
                                              LocalDate asOf) {
        TreeSet<String> currencies = new TreeSet<>();
        billed.forEach(invoice -> currencies.add(invoice.getCurrency()));
        paid.forEach(payment -> currencies.add(payment.getCurrency()));
        Map<String, BalanceView> balances = new TreeMap<>();
        for (String currency : currencies) {
            BigDecimal open = sum(billed.stream().filter(i -> i.getCurrency().equals(currency)).map(Invoice::getOpenAmount).toList());
            BigDecimal overdue = sum(billed.stream().filter(i -> i.getCurrency().equals(currency) && i.isOverdueOn(asOf))
                    .map(Invoice::getOpenAmount).toList());
            BigDecimal credit = sum(paid.stream().filter(p -> p.getCurrency().equals(currency))
                    .map(Payment::getUnallocatedAmount).toList());
            BigDecimal charges = sum(billed.stream().filter(i -> i.getCurrency().equals(currency))
                    .map(i -> chargesOpen.getOrDefault(i.getId(), ZERO)).toList());
            balances.put(currency, new BalanceView(currency, open, overdue, charges, open.add(charges), credit));
        }
        return List.copyOf(balances.values());
    }

    private static BigDecimal sum(List<BigDecimal> amounts) {
        return amounts.stream().reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
    }
}
