package com.collectiondesk.contact;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;

/** An interaction with the debtor; {@code sendKey} makes each send happen once. */
@Entity
@Table(name = "contact_attempt")
public class ContactAttempt {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "contact_attempt_seq")
    @SequenceGenerator(name = "contact_attempt_seq", sequenceName = "contact_attempt_seq", allocationSize = 50)
    private Long id;
    @Column(name = "ticket_fk", nullable = false, updatable = false)
    private Long ticketId;
    private String channel;
    @Column(name = "template_id")
    private String templateId;
    @Column(name = "rendered_text")
    private String renderedText;
    private String outcome;
    private String note;
    private String author;
    private boolean sandbox;
    @Column(name = "send_key", nullable = false, updatable = false)
    private String sendKey;
    private Instant at;
    @Column(name = "provider_id")
    private String providerId;
    @Column(name = "delivery_status")
    private String deliveryStatus;
    /** SMS segments billed for this send (0 for other channels). */
    private int segments;
    /** INBOUND for the debtor's replies and call-backs: they are no reminder and no call attempt of ours. */
    private String direction = "OUTBOUND";

    protected ContactAttempt() {
    }

    ContactAttempt(Long ticketId, String sendKey, String channel, String templateId, Instant at) {
        this.ticketId = ticketId;
        this.sendKey = sendKey;
        this.channel = channel;
        this.templateId = templateId;
        this.at = at;
    }

    ContactAttempt withResult(String outcome, String renderedText, String note, String author, boolean sandbox) {
        this.outcome = outcome;
        this.renderedText = renderedText;
        this.note = note;
        this.author = author;
        this.sandbox = sandbox;
        return this;
    }

    /** The provider's id (Twilio SID, email Message-ID) and how many SMS segments the text took. */
    ContactAttempt withDelivery(String providerId, int segments) {
        this.providerId = providerId;
        this.segments = segments;
        return this;
    }

    /** The debtor contacted us (an SMS reply, a call-back). */
    ContactAttempt inbound() {
        this.direction = "INBOUND";
        return this;
    }

    void setDeliveryStatus(String deliveryStatus) {
        this.deliveryStatus = deliveryStatus;
    }

    public Long getId() { return id; }
    public Long getTicketId() { return ticketId; }
    public String getChannel() { return channel; }
    public String getTemplateId() { return templateId; }
    public String getRenderedText() { return renderedText; }
    public String getOutcome() { return outcome; }
    public String getNote() { return note; }
    public String getAuthor() { return author; }
    public boolean isSandbox() { return sandbox; }
    public String getSendKey() { return sendKey; }
    public Instant getAt() { return at; }
    public String getProviderId() { return providerId; }
    public String getDeliveryStatus() { return deliveryStatus; }
    public int getSegments() { return segments; }
    public boolean isInbound() { return "INBOUND".equals(direction); }
}
