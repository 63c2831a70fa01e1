package com.collectiondesk.promise;

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
import java.time.LocalDate;

/** The debtor's promise to pay an amount by a date. */
@Entity
@Table(name = "promise")
public class Promise {

    public enum Status { PENDING, KEPT, BROKEN, CANCELLED }

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "promise_seq")
    @SequenceGenerator(name = "promise_seq", sequenceName = "promise_seq", allocationSize = 50)
    private Long id;
    @Column(name = "ticket_fk", nullable = false, updatable = false)
    private Long ticketId;
    private BigDecimal amount;
    @Column(name = "promised_date")
    private LocalDate promisedDate;
    @Enumerated(EnumType.STRING)
    private Status status;
    private String author;
    @Column(name = "created_at")
    private Instant createdAt;
    @Column(name = "resolved_at")
    private Instant resolvedAt;

    protected Promise() {
    }

    Promise(Long ticketId, BigDecimal amount, LocalDate promisedDate, String author, Instant createdAt) {
        this.ticketId = ticketId;
        this.amount = amount;
        this.promisedDate = promisedDate;
        this.author = author;
        this.createdAt = createdAt;
        this.status = Status.PENDING;
    }

    void resolve(Status outcome, Instant at) {
        this.status = outcome;
        this.resolvedAt = at;
    }

    public Long getId() { return id; }
    public BigDecimal getAmount() { return amount; }
    public LocalDate getPromisedDate() { return promisedDate; }
    public Status getStatus() { return status; }
    public String getAuthor() { return author; }
    public Instant getCreatedAt() { return createdAt; }
    public Instant getResolvedAt() { return resolvedAt; }
}
