package com.collectiondesk.ticket;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;

/** A line on the ticket's timeline: what happened, when, by whom, with the details that explain it. */
@Entity
@Table(name = "ticket_event")
public class TicketEvent {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "ticket_event_seq")
    @SequenceGenerator(name = "ticket_event_seq", sequenceName = "ticket_event_seq", allocationSize = 50)
    private Long id;
    @Column(name = "ticket_fk", nullable = false, updatable = false)
    private Long ticketId;
    private String type;
    private Instant at;
    private String details;
    private String author;

    protected TicketEvent() {
    }

    TicketEvent(Long ticketId, String type, Instant at, String details, String author) {
        this.ticketId = ticketId;
        this.type = type;
        this.at = at;
        this.details = details == null || details.length() <= 4000 ? details : details.substring(0, 4000);
        this.author = author;
    }

    public Long getId() { return id; }
    public String getType() { return type; }
    public Instant getAt() { return at; }
    public String getDetails() { return details; }
    public String getAuthor() { return author; }
}
