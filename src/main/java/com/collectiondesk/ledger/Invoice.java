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
import jakarta.persistence.PreUpdate;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/** An invoice the ERP issued; {@code openAmount} is what payments have not covered yet. */
@Entity
@Table(name = "invoice")
public class Invoice {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "invoice_seq")
    @SequenceGenerator(name = "invoice_seq", sequenceName = "invoice_seq", allocationSize = 50)
    private Long id;

    @Column(name = "invoice_number", nullable = false, updatable = false)
    private String invoiceNumber;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "customer_fk")
    private Customer customer;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "contract_fk")
    private Contract contract;

    @Column(name = "issue_date")
    private LocalDate issueDate;
    @Column(name = "due_date")
    private LocalDate dueDate;
    private BigDecimal amount;
    @Column(name = "open_amount")
    private BigDecimal openAmount;
    /** Money taken off the invoice without a payment: a dispute upheld in the debtor's favour. */
    @Column(name = "cancelled_amount", nullable = false)
    private BigDecimal cancelledAmount = BigDecimal.ZERO;
    private String currency;
    @Enumerated(EnumType.STRING)
    private InvoiceStatus status;
    /** When the first ticket holding this invoice was written off; from then on it is no receivable. */
    @Column(name = "written_off_at")
    private Instant writtenOffAt;
    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;
    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;
    @Version
    private long version;

    protected Invoice() {
    }

    Invoice(String invoiceNumber) {
        this.invoiceNumber = invoiceNumber;
    }

    @PrePersist
    void onCreate() {
        createdAt = Instant.now();
        updatedAt = createdAt;
    }

    @PreUpdate
    void onUpdate() {
        updatedAt = Instant.now();
    }

    /** The part of the amount that allocations have already covered. */
    public BigDecimal paidAmount() {
        return amount == null || openAmount == null ? BigDecimal.ZERO : amount.subtract(openAmount).subtract(cancelledAmount);
    }

    /** Changes the invoiced amount while keeping what was already paid; the caller checks it stays covered. */
    void changeAmount(BigDecimal newAmount) {
        BigDecimal paid = paidAmount();
        this.amount = newAmount;
        this.openAmount = newAmount.subtract(paid).subtract(cancelledAmount).max(BigDecimal.ZERO);
        this.status = InvoiceStatus.of(amount, openAmount, cancelledAmount);
    }

    /** Applies part of a payment and returns how much of {@code available} this invoice took. */
    BigDecimal settle(BigDecimal available) {
        BigDecimal taken = available.min(openAmount);
        openAmount = openAmount.subtract(taken);
        status = InvoiceStatus.of(amount, openAmount, cancelledAmount);
        return taken;
    }

    /** Cancels up to {@code requested} of the open amount (no money moves) and returns how much it cancelled. */
    BigDecimal cancel(BigDecimal requested) {
        BigDecimal taken = requested.min(openAmount);
        openAmount = openAmount.subtract(taken);
        cancelledAmount = cancelledAmount.add(taken);
        status = InvoiceStatus.of(amount, openAmount, cancelledAmount);
        return taken;
    }

    /** The ledger keeps the money open (the ERP owns it); reports stop counting it as receivable. */
    void writeOff(Instant at) {
        if (writtenOffAt == null) {
            writtenOffAt = at;
        }
    }

    public boolean isOverdueOn(LocalDate businessDate) {
        return openAmount.signum() > 0 && dueDate.isBefore(businessDate);
    }

    public Long getId() { return id; }
    public String getInvoiceNumber() { return invoiceNumber; }
    public Customer getCustomer() { return customer; }
    void setCustomer(Customer customer) { this.customer = customer; }
    public Contract getContract() { return contract; }
    void setContract(Contract contract) { this.contract = contract; }
    public LocalDate getIssueDate() { return issueDate; }
    void setIssueDate(LocalDate issueDate) { this.issueDate = issueDate; }
    public LocalDate getDueDate() { return dueDate; }
    void setDueDate(LocalDate dueDate) { this.dueDate = dueDate; }
    public BigDecimal getAmount() { return amount; }
    public BigDecimal getOpenAmount() { return openAmount; }
    public BigDecimal getCancelledAmount() { return cancelledAmount; }
    public String getCurrency() { return currency; }
    void setCurrency(String currency) { this.currency = currency; }
    public InvoiceStatus getStatus() { return status; }
    public Instant getWrittenOffAt() { return writtenOffAt; }
}
