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
import jakarta.persistence.PrePersist;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * Interest or a fee on an invoice: a ledger item of its own, so the invoice's amount stays what the ERP billed.
 * Our interest rows are written by {@link InterestAccrual}'s SQL; this entity carries the ERP's and the fees.
 */
@Entity
@Table(name = "ledger_charge")
public class Charge {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "ledger_charge_seq")
    @SequenceGenerator(name = "ledger_charge_seq", sequenceName = "ledger_charge_seq", allocationSize = 50)
    private Long id;

    @Column(name = "charge_key", nullable = false, updatable = false)
    private String chargeKey;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "invoice_fk")
    private Invoice invoice;

    @Enumerated(EnumType.STRING)
    private ChargeKind kind;
    @Enumerated(EnumType.STRING)
    @Column(updatable = false)
    private ChargeSource source;
    private String rule;
    private BigDecimal basis;
    private BigDecimal rate;
    @Column(name = "day_count")
    private String dayCount;
    @Column(name = "period_from")
    private LocalDate periodFrom;
    @Column(name = "period_to")
    private LocalDate periodTo;
    private BigDecimal amount;
    private String currency;
    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    protected Charge() {
    }

    Charge(String chargeKey, ChargeSource source) {
        this.chargeKey = chargeKey;
        this.source = source;
    }

    @PrePersist
    void onCreate() {
        createdAt = Instant.now();
    }

    void fill(Invoice invoice, ChargeKind kind, String rule, BigDecimal basis, BigDecimal rate, LocalDate periodFrom,
              LocalDate periodTo, BigDecimal amount) {
        this.invoice = invoice;
        this.kind = kind;
        this.rule = rule;
        this.basis = basis;
        this.rate = rate;
        this.periodFrom = periodFrom;
        this.periodTo = periodTo;
        this.amount = amount;
        this.currency = invoice.getCurrency();
    }

    public Long getId() { return id; }
    public String getChargeKey() { return chargeKey; }
    public Invoice getInvoice() { return invoice; }
    public ChargeKind getKind() { return kind; }
    public ChargeSource getSource() { return source; }
    public String getRule() { return rule; }
    public BigDecimal getBasis() { return basis; }
    public BigDecimal getRate() { return rate; }
    public String getDayCount() { return dayCount; }
    public LocalDate getPeriodFrom() { return periodFrom; }
    public LocalDate getPeriodTo() { return periodTo; }
    public BigDecimal getAmount() { return amount; }
    public String getCurrency() { return currency; }
}
