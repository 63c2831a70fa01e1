package com.collectiondesk.ledger;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
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

/**
 * The part of a payment that settled an invoice's interest or fees. Kept per invoice and kind, not per charge row:
 * our interest rows are recomputed (a back-dated payment replaces segments), what was paid on them stays.
 */
@Entity
@Table(name = "charge_allocation")
public class ChargeAllocation {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "charge_allocation_seq")
    @SequenceGenerator(name = "charge_allocation_seq", sequenceName = "charge_allocation_seq", allocationSize = 50)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "payment_fk")
    private Payment payment;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "invoice_fk")
    private Invoice invoice;

    @Enumerated(EnumType.STRING)
    private ChargeKind kind;
    private BigDecimal amount;
    @Column(name = "paid_on", nullable = false)
    private LocalDate paidOn;
    @Column(name = "allocated_at", nullable = false)
    private Instant allocatedAt;

    protected ChargeAllocation() {
    }

    ChargeAllocation(Payment payment, Invoice invoice, ChargeKind kind, BigDecimal amount) {
        this.payment = payment;
        this.invoice = invoice;
        this.kind = kind;
        this.amount = amount;
        this.paidOn = payment.getPaidOn();
        this.allocatedAt = Instant.now();
    }

    public Long getId() { return id; }
    public Payment getPayment() { return payment; }
    public Invoice getInvoice() { return invoice; }
    public ChargeKind getKind() { return kind; }
    public BigDecimal getAmount() { return amount; }
    public LocalDate getPaidOn() { return paidOn; }
}
