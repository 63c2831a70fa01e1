package com.collectiondesk.dispute;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;

/** The debtor contests an amount; UPHELD cancels that money, REJECTED lets collection go on. */
@Entity
@Table(name = "dispute")
public class Dispute {

    public enum Resolution { UPHELD, REJECTED }

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "dispute_seq")
    @SequenceGenerator(name = "dispute_seq", sequenceName = "dispute_seq", allocationSize = 50)
    private Long id;
    @Column(name = "ticket_fk", nullable = false, updatable = false)
    private Long ticketId;
    private String reason;
    private BigDecimal amount;
    /** The one invoice contested (the debtor's page names it); null: the ticket's money, newest invoices first. */
    @Column(name = "invoice_fk", updatable = false)
    private Long invoicePk;
    @Enumerated(EnumType.STRING)
    private Resolution resolution;
    private String author;
    @Column(name = "created_at")
    private Instant createdAt;
    @Column(name = "resolved_at")
    private Instant resolvedAt;

    protected Dispute() {
    }

    Dispute(Long ticketId, String reason, BigDecimal amount, String author, Instant createdAt) {
        this.ticketId = ticketId;
        this.reason = reason;
        this.amount = amount;
        this.author = author;
        this.createdAt = createdAt;
    }

    Dispute(Long ticketId, Long invoicePk, String reason, BigDecimal amount, String author, Instant createdAt) {
        this(ticketId, reason, amount, author, createdAt);
        this.invoicePk = invoicePk;
    }

    void resolve(Resolution resolution, Instant at) {
        this.resolution = resolution;
        this.resolvedAt = at;
    }

    public Long getId() { return id; }
    public String getReason() { return reason; }
    public BigDecimal getAmount() { return amount; }
    public Long getInvoicePk() { return invoicePk; }
    public Resolution getResolution() { return resolution; }
    public String getAuthor() { return author; }
    public Instant getCreatedAt() { return createdAt; }
    public Instant getResolvedAt() { return resolvedAt; }
}
