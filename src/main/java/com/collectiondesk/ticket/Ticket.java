package com.collectiondesk.ticket;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.PrePersist;
import jakarta.persistence.PreUpdate;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.Set;

/** One customer's delinquency: the overdue money, how it is worked, and how it ended. */
@Entity
@Table(name = "ticket")
public class Ticket {

    /** The largest amount the ticket's numeric(19, 2) columns hold. */
    public static final BigDecimal MAX_AMOUNT = new BigDecimal("99999999999999999.99");

    /** What an amount in the API must fit: the numeric(19, 2) columns; a larger amount is refused, not failed at the database. */
    public static final String AMOUNT_DIGITS = "must have at most 17 digits before the decimal point and 2 after";

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "ticket_seq")
    @SequenceGenerator(name = "ticket_seq", sequenceName = "ticket_seq", allocationSize = 50)
    private Long id;

    @Column(name = "ticket_number", nullable = false, updatable = false)
    private String ticketNumber;

    /** The debtor in the ledger (its primary key): ledger facts are read through {@code LedgerQueries}, never navigated. */
    @Column(name = "customer_fk", nullable = false, updatable = false)
    private Long customerPk;

    /** The ledger's invoices (primary keys) this ticket has held; once joined, an invoice stays. */
    @ElementCollection(fetch = FetchType.LAZY)
    @CollectionTable(name = "ticket_invoice", joinColumns = @JoinColumn(name = "ticket_fk"))
    @Column(name = "invoice_fk")
    private Set<Long> invoicePks = new LinkedHashSet<>();

    @Enumerated(EnumType.STRING)
    private TicketStatus status;
    @Enumerated(EnumType.STRING)
    @Column(name = "close_reason")
    private CloseReason closeReason;
    private String currency;
    /** The debtor's legal entity (a customer with invoices never changes it): users of one entity see its tickets only. */
    @Column(name = "legal_entity", nullable = false, updatable = false)
    private String legalEntity;
    @Column(name = "overdue_amount")
    private BigDecimal overdueAmount;
    /** The overdue amount on the opening day: what the collection rate per campaign measures collections against. */
    /** Of the overdue amount, what is on held invoices (module hold): not part of the strategy's total. */
    @Column(name = "held_amount")
    private BigDecimal heldAmount = BigDecimal.ZERO;
    @Column(name = "overdue_at_entry")
    private BigDecimal overdueAtEntry;
    @Column(name = "max_dpd")
    private int maxDpd;
    private String bucket;
    @Column(name = "product_type")
    private String productType;
    private String segment;
    private Integer priority;
    /** The decision definition (id and version) whose rules gave the steps. */
    private String strategy;
    @Column(name = "opened_on")
    private LocalDate openedOn;
    @Column(name = "closed_at")
    private Instant closedAt;
    private String owner;
    @Column(name = "broken_promises")
    private int brokenPromises;
    /** Counts strategy plans: 1 for the first, +1 for every restart after an escalation review. */
    @Column(name = "plan_round")
    private int planRound;
    @Column(name = "next_step")
    private String nextStep;
    @Column(name = "next_step_due_at")
    private Instant nextStepDueAt;
    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;
    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;
    @Version
    private long version;

    protected Ticket() {
    }

    Ticket(String ticketNumber, Long customerPk, String legalEntity, String currency, LocalDate openedOn) {
        this.ticketNumber = ticketNumber;
        this.legalEntity = legalEntity;
        this.customerPk = customerPk;
        this.currency = currency;
        this.openedOn = openedOn;
        this.status = TicketStatus.OPEN;
        this.overdueAmount = BigDecimal.ZERO;
        this.overdueAtEntry = BigDecimal.ZERO;
        this.bucket = "current";
        this.productType = "UNKNOWN";
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

    void refresh(Overdue overdue, BigDecimal held) {
        this.overdueAmount = overdue.amount();
        this.heldAmount = held;
        this.maxDpd = overdue.maxDpd();
        this.bucket = overdue.bucket();
        if (overdue.productType() != null) {
            this.productType = overdue.productType();
        }
    }

    void enter(Overdue overdue) {
        this.overdueAtEntry = overdue.amount();
    }

    void close(CloseReason reason, Instant at) {
        this.status = TicketStatus.CLOSED;
        this.closeReason = reason;
        this.closedAt = at;
        this.nextStep = null;
        this.nextStepDueAt = null;
    }

    public boolean isClosed() {
        return status == TicketStatus.CLOSED;
    }

    public void countBrokenPromise() {
        brokenPromises++;
    }

    public int startNewPlan() {
        return ++planRound;
    }

    public Long getId() { return id; }
    public String getTicketNumber() { return ticketNumber; }
    public Long getCustomerPk() { return customerPk; }
    public Set<Long> getInvoicePks() { return invoicePks; }
    public TicketStatus getStatus() { return status; }
    public void setStatus(TicketStatus status) { this.status = status; }
    public CloseReason getCloseReason() { return closeReason; }
    public String getCurrency() { return currency; }
    public String getLegalEntity() { return legalEntity; }
    public BigDecimal getOverdueAmount() { return overdueAmount; }
    public BigDecimal getOverdueAtEntry() { return overdueAtEntry; }
    public BigDecimal getHeldAmount() { return heldAmount; }
    /** What the strategy works: the overdue money not on hold (the DMN's input, the amount messages name). */
    public BigDecimal getStrategyAmount() { return overdueAmount.subtract(heldAmount); }
    public int getMaxDpd() { return maxDpd; }
    public String getBucket() { return bucket; }
    public String getProductType() { return productType; }
    public String getSegment() { return segment; }
    public void setSegment(String segment) { this.segment = segment; }
    public Integer getPriority() { return priority; }
    public void setPriority(Integer priority) { this.priority = priority; }
    public String getStrategy() { return strategy; }
    public void setStrategy(String strategy) { this.strategy = strategy; }
    public LocalDate getOpenedOn() { return openedOn; }
    public Instant getClosedAt() { return closedAt; }
    public String getOwner() { return owner; }
    public void setOwner(String owner) { this.owner = owner; }
    public int getBrokenPromises() { return brokenPromises; }
    public int getPlanRound() { return planRound; }
    public String getNextStep() { return nextStep; }
    public Instant getNextStepDueAt() { return nextStepDueAt; }
    public void setNextStep(String nextStep, Instant dueAt) {
        this.nextStep = nextStep;
        this.nextStepDueAt = dueAt;
    }
}
