package com.collectiondesk.hold;

import com.collectiondesk.ledger.HoldReason;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * Collection paused on a ticket ({@code invoicePk} null) or on one invoice, from {@code startsOn} until the start of
 * {@code endsOn} (null: open-ended) or until lifted.
 */
@Entity
@Table(name = "hold")
public class Hold {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "hold_seq")
    @SequenceGenerator(name = "hold_seq", sequenceName = "hold_seq", allocationSize = 50)
    private Long id;
    @Column(name = "customer_fk", nullable = false, updatable = false)
    private Long customerPk;
    @Column(name = "ticket_fk")
    private Long ticketPk;
    @Column(name = "invoice_fk", updatable = false)
    private Long invoicePk;
    @Enumerated(EnumType.STRING)
    private HoldReason reason;
    @Enumerated(EnumType.STRING)
    private HoldSource source;
    private String note;
    @Column(name = "starts_on")
    private LocalDate startsOn;
    @Column(name = "ends_on")
    private LocalDate endsOn;
    @Column(name = "freezes_interest")
    private boolean freezesInterest;
    @Column(name = "placed_by")
    private String placedBy;
    @Column(name = "placed_at")
    private Instant placedAt;
    @Column(name = "lifted_on")
    private LocalDate liftedOn;
    @Column(name = "lifted_at")
    private Instant liftedAt;
    @Column(name = "lifted_by")
    private String liftedBy;

    protected Hold() {
    }

    Hold(Long customerPk, Long ticketPk, Long invoicePk, HoldReason reason, HoldSource source, String note,
         LocalDate startsOn, LocalDate endsOn, boolean freezesInterest, String placedBy, Instant placedAt) {
        this.customerPk = customerPk;
        this.ticketPk = ticketPk;
        this.invoicePk = invoicePk;
        this.reason = reason;
        this.source = source;
        this.note = note;
        this.startsOn = startsOn;
        this.endsOn = endsOn;
        this.freezesInterest = freezesInterest;
        this.placedBy = placedBy;
        this.placedAt = placedAt;
    }

    /** Open on a day: started, not lifted, and its end date (if any) still ahead. */
    public boolean isOpenOn(LocalDate day) {
        return !startsOn.isAfter(day) && liftedOn == null && (endsOn == null || endsOn.isAfter(day));
    }

    /** Stops all automated contact with the debtor, on every ticket. */
    public boolean stopsAllContact() {
        return reason.stopsAllContact();
    }

    public boolean onInvoice() {
        return invoicePk != null;
    }

    /** When collection resumes by itself: the start of the end date in the business zone; null while open-ended. */
    public Instant endsAt(ZoneId zone) {
        return endsOn == null ? null : endsOn.atStartOfDay(zone).toInstant();
    }

    void lift(LocalDate on, Instant at, String by) {
        this.liftedOn = on;
        this.liftedAt = at;
        this.liftedBy = by;
    }

    /** The ERP changed its hold's end or note (the reason stays; another reason is another hold). */
    void change(LocalDate endsOn, String note) {
        this.endsOn = endsOn;
        this.note = note;
    }

    /** The key under which the ledger keeps this hold's interest freeze. */
    String freezeKey() {
        return "hold:" + id;
    }

    public String describe() {
        return reason + (endsOn == null ? ", open-ended" : " until " + endsOn) + (note == null ? "" : ": " + note);
    }

    public Long getId() { return id; }
    public Long getCustomerPk() { return customerPk; }
    public Long getTicketPk() { return ticketPk; }
    public Long getInvoicePk() { return invoicePk; }
    public HoldReason getReason() { return reason; }
    public HoldSource getSource() { return source; }
    public String getNote() { return note; }
    public LocalDate getStartsOn() { return startsOn; }
    public LocalDate getEndsOn() { return endsOn; }
    public boolean isFreezesInterest() { return freezesInterest; }
    public String getPlacedBy() { return placedBy; }
    public Instant getPlacedAt() { return placedAt; }
    public LocalDate getLiftedOn() { return liftedOn; }
    public Instant getLiftedAt() { return liftedAt; }
    public String getLiftedBy() { return liftedBy; }
}
