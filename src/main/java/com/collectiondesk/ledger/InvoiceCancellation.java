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

/** Money taken off an invoice without payment (an upheld dispute), with the business day it happened. */
@Entity
@Table(name = "invoice_cancellation")
public class InvoiceCancellation {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "invoice_cancellation_seq")
    @SequenceGenerator(name = "invoice_cancellation_seq", sequenceName = "invoice_cancellation_seq", allocationSize = 50)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "invoice_fk")
    private Invoice invoice;

    private BigDecimal amount;
    @Column(name = "cancelled_on", nullable = false)
    private LocalDate cancelledOn;
    @Column(name = "cancelled_at", nullable = false)
    private Instant cancelledAt;
    private String reason;

    protected InvoiceCancellation() {
    }

    InvoiceCancellation(Invoice invoice, BigDecimal amount, LocalDate cancelledOn, Instant cancelledAt, String reason) {
        this.invoice = invoice;
        this.amount = amount;
        this.cancelledOn = cancelledOn;
        this.cancelledAt = cancelledAt;
        this.reason = reason;
    }

    public Invoice getInvoice() { return invoice; }
    public BigDecimal getAmount() { return amount; }
    public LocalDate getCancelledOn() { return cancelledOn; }
    public Instant getCancelledAt() { return cancelledAt; }
    public String getReason() { return reason; }
}
