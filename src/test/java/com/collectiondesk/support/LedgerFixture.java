package com.collectiondesk.support;

import com.collectiondesk.ledger.Contract;
import com.collectiondesk.ledger.ContractRepository;
import com.collectiondesk.ledger.Customer;
import com.collectiondesk.ledger.CustomerRepository;
import com.collectiondesk.ledger.Invoice;
import com.collectiondesk.ledger.InvoiceRepository;
import com.collectiondesk.ledger.Payment;
import com.collectiondesk.ledger.PaymentAllocation;
import com.collectiondesk.ledger.PaymentAllocationRepository;
import com.collectiondesk.ledger.PaymentBooked;
import com.collectiondesk.ledger.PaymentRepository;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.support.TransactionTemplate;

/** Customers, contracts, invoices and payments for ticket tests, booked the way the ledger books them. */
public class LedgerFixture {

    private final CustomerRepository customers;
    private final ContractRepository contracts;
    private final InvoiceRepository invoices;
    private final PaymentRepository payments;
    private final PaymentAllocationRepository allocations;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transaction;

    public LedgerFixture(CustomerRepository customers, ContractRepository contracts, InvoiceRepository invoices,
                  PaymentRepository payments, PaymentAllocationRepository allocations, ApplicationEventPublisher events,
                  TransactionTemplate transaction) {
        this.customers = customers;
        this.contracts = contracts;
        this.invoices = invoices;
        this.payments = payments;
        this.allocations = allocations;
        this.events = events;
        this.transaction = transaction;
    }

    /** The fixture on a running context's repositories (for tests outside this package). */
    public static LedgerFixture of(org.springframework.context.ApplicationContext context) {
        return new LedgerFixture(context.getBean(CustomerRepository.class), context.getBean(ContractRepository.class),
                context.getBean(InvoiceRepository.class), context.getBean(PaymentRepository.class),
                context.getBean(PaymentAllocationRepository.class), context, context.getBean(TransactionTemplate.class));
    }

    public Customer customer(Integer riskScore) {
        Customer customer = new Customer("C-" + UUID.randomUUID());
        customer.setName("Ivana Petrova");
        customer.setPhone("+359888123456");
        customer.setEmail("ivana@example.com");
        customer.setLanguage("en");
        customer.setCountry("BG");
        customer.setTimeZone("Europe/Sofia");
        customer.setAddress("1 Vitosha Blvd, Sofia");
        customer.setRiskScore(riskScore);
        return customers.save(customer);
    }

    public Contract contract(Customer customer, String productType) {
        Contract contract = new Contract("K-" + UUID.randomUUID());
        contract.setCustomer(customer);
        contract.setProductType(productType);
        return contracts.save(contract);
    }

    public Invoice invoice(Customer customer, Contract contract, String amount, LocalDate dueDate) {
        Invoice invoice = new Invoice("I-" + UUID.randomUUID());
        invoice.setCustomer(customer);
        invoice.setContract(contract);
        invoice.setIssueDate(dueDate.minusDays(14));
        invoice.setDueDate(dueDate);
        invoice.setCurrency("EUR");
        invoice.changeAmount(new BigDecimal(amount));
        return invoices.save(invoice);
    }

    /** Books a payment oldest invoice first and publishes PaymentBooked in the same transaction, as the ledger does. */
    public void pay(Customer customer, String amount, LocalDate paidOn) {
        transaction.executeWithoutResult(status -> {
            Customer locked = customers.lockById(customer.getId()).orElseThrow();
            Payment payment = payments.save(new Payment("P-" + UUID.randomUUID(), locked, null, new BigDecimal(amount), "EUR", paidOn));
            for (Invoice invoice : invoices.findOpenOldestFirst(locked, "EUR")) {
                if (!payment.hasCredit()) {
                    break;
                }
                BigDecimal taken = payment.allocateTo(invoice);
                allocations.save(new PaymentAllocation(payment, invoice, taken));
            }
            events.publishEvent(new PaymentBooked(locked.getId(), locked.getCustomerId(), payment.getPaymentId(),
                    payment.getAmount(), payment.getCurrency()));
        });
    }
}
