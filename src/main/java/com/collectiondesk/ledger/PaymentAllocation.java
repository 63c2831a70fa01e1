package com.collectiondesk.ledger;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/** The part of a payment that settled one invoice. */
@Entity
@Table(name = "payment_allocation")
public class PaymentAllocation {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "payment_allocation_seq")
    @SequenceGenerator(name = "payment_allocation_seq", sequenceName = "payment_allocation_seq", allocationSize = 50)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "payment_fk")
    private Payment payment;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "invoice_fk")
    private Invoice invoice;

    private BigDecimal amount;
    /** The payment's day, kept here so reports find the allocations made after a day by one index. */
    @Column(name = "paid_on", nullable = false)
    private LocalDate paidOn;
    @Column(name = "allocated_at", nullable = false)
    private Instant allocatedAt;

    protected PaymentAllocation() {
    }

    PaymentAllocation(Payment payment, Invoice invoice, BigDecimal amount) {
        this.payment = payment;
        this.invoice = invoice;
        this.amount = amount;
        this.paidOn = payment.getPaidOn();
        this.allocatedAt = Instant.now();
    }

    public Long getId() { return id; }
    public Payment getPayment() { return payment; }
    public Invoice getInvoice() { return invoice; }
    public BigDecimal getAmount() { return amount; }
    public LocalDate getPaidOn() { return paidOn; }
    public Instant getAllocatedAt() { return allocatedAt; }
}
