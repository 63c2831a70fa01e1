package com.collectiondesk.ledger;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.PrePersist;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * Money received from a customer. Payments are immutable once booked; what allocations have not
 * used yet ({@code unallocatedAmount}) is the customer's credit.
 */
@Entity
@Table(name = "payment")
public class Payment {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "payment_seq")
    @SequenceGenerator(name = "payment_seq", sequenceName = "payment_seq", allocationSize = 50)
    private Long id;

    @Column(name = "payment_id", nullable = false, updatable = false)
    private String paymentId;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "customer_fk", updatable = false)
    private Customer customer;

    /** The invoice the payer referenced, as given; null when the payment carried no reference. */
    @Column(name = "invoice_number", updatable = false)
    private String invoiceNumber;
    @Column(updatable = false)
    private BigDecimal amount;
    @Column(name = "unallocated_amount")
    private BigDecimal unallocatedAmount;
    @Column(updatable = false)
    private String currency;
    @Column(name = "paid_on", updatable = false)
    private LocalDate paidOn;
    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;
    @Version
    private long version;

    protected Payment() {
    }

    Payment(String paymentId, Customer customer, String invoiceNumber, BigDecimal amount,
                   String currency, LocalDate paidOn) {
        this.paymentId = paymentId;
        this.customer = customer;
        this.invoiceNumber = invoiceNumber;
        this.amount = amount;
        this.unallocatedAmount = amount;
        this.currency = currency;
        this.paidOn = paidOn;
    }

    @PrePersist
    void onCreate() {
        createdAt = Instant.now();
    }

    /** Allocates as much of the remaining credit to the invoice as it can take and returns that amount. */
    BigDecimal allocateTo(Invoice invoice) {
        BigDecimal taken = invoice.settle(unallocatedAmount);
        unallocatedAmount = unallocatedAmount.subtract(taken);
        return taken;
    }

    /** Takes up to {@code wanted} of the remaining credit (for a charge) and returns how much it took. */
    BigDecimal take(BigDecimal wanted) {
        BigDecimal taken = unallocatedAmount.min(wanted);
        unallocatedAmount = unallocatedAmount.subtract(taken);
        return taken;
    }

    public boolean hasCredit() {
        return unallocatedAmount.signum() > 0;
    }

    public Long getId() { return id; }
    public String getPaymentId() { return paymentId; }
    public Customer getCustomer() { return customer; }
    public String getInvoiceNumber() { return invoiceNumber; }
    public BigDecimal getAmount() { return amount; }
    public BigDecimal getUnallocatedAmount() { return unallocatedAmount; }
    public String getCurrency() { return currency; }
    public LocalDate getPaidOn() { return paidOn; }
    public Instant getCreatedAt() { return createdAt; }
}
