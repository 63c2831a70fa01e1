package com.collectiondesk.scan;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;

/** One run of the delinquency scan and what it did. */
@Entity
@Table(name = "scan_run")
public class ScanRun {

    public enum State { STARTED, COMPLETED }

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "scan_run_seq")
    @SequenceGenerator(name = "scan_run_seq", sequenceName = "scan_run_seq", allocationSize = 1)
    private Long id;
    @Column(name = "as_of")
    private LocalDate asOf;
    @Column(name = "started_by")
    private String startedBy;
    @Enumerated(EnumType.STRING)
    private State state;
    private int opened;
    private int refreshed;
    private int closed;
    private int skipped;
    private int failed;
    @Column(name = "started_at")
    private Instant startedAt;
    @Column(name = "finished_at")
    private Instant finishedAt;
    @Version
    private long version;

    protected ScanRun() {
    }

    ScanRun(LocalDate asOf, String startedBy, Instant startedAt) {
        this.asOf = asOf;
        this.startedBy = startedBy;
        this.startedAt = startedAt;
        this.state = State.STARTED;
    }

    void finish(ScanCounts counts, Instant at) {
        this.opened = counts.opened();
        this.refreshed = counts.refreshed();
        this.closed = counts.closed();
        this.skipped = counts.skipped();
        this.failed = counts.failed();
        this.state = State.COMPLETED;
        this.finishedAt = at;
    }

    public Long getId() { return id; }
    public LocalDate getAsOf() { return asOf; }
    public String getStartedBy() { return startedBy; }
    public State getState() { return state; }
    public int getOpened() { return opened; }
    public int getRefreshed() { return refreshed; }
    public int getClosed() { return closed; }
    public int getSkipped() { return skipped; }
    public int getFailed() { return failed; }
    public Instant getStartedAt() { return startedAt; }
    public Instant getFinishedAt() { return finishedAt; }
}
