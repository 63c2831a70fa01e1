package com.collectiondesk.contact;

import com.collectiondesk.outreach.Channel;
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
import org.hibernate.annotations.Formula;

/**
 * An interaction with the debtor; {@code sendKey} makes each send happen once. An automated send is recorded
 * once, in the outreach outbox under the same key: what was sent, the provider's id and its delivery status are
 * read from that row, so the ticket and the outreach API show the same facts.
 */
@Entity
@Table(name = "contact_attempt")
public class ContactAttempt {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "contact_attempt_seq")
    @SequenceGenerator(name = "contact_attempt_seq", sequenceName = "contact_attempt_seq", allocationSize = 50)
    private Long id;
    @Column(name = "ticket_fk", nullable = false, updatable = false)
    private Long ticketId;
    @Enumerated(EnumType.STRING)
    private Channel channel;
    @Column(name = "template_id")
    private String templateId;
    private String outcome;
    private String note;
    private String author;
    @Column(name = "send_key", nullable = false, updatable = false)
    private String sendKey;
    private Instant at;
    /** INBOUND for the debtor's replies and call-backs: they are no reminder and no call attempt of ours. */
    private String direction = "OUTBOUND";
    /** What the debtor wrote, for an inbound reply (ours is on the outbox row). */
    @Column(name = "reply_text")
    private String replyText;

    // the send's own record, read-only here; none for calls and replies
    @Formula("(select s.rendered_text from outreach_send_v s where s.send_key = send_key)")
    private String sentText;
    @Formula("(select s.provider_id from outreach_send_v s where s.send_key = send_key)")
    private String providerId;
    @Formula("(select s.delivery_status from outreach_send_v s where s.send_key = send_key)")
    private String deliveryStatus;
    /** SMS segments billed for this send (0 for other channels). */
    @Formula("coalesce((select s.segments from outreach_send_v s where s.send_key = send_key), 0)")
    private int segments;
    @Formula("coalesce((select s.sandbox from outreach_send_v s where s.send_key = send_key), false)")
    private boolean sandbox;

    protected ContactAttempt() {
    }

    ContactAttempt(Long ticketId, String sendKey, Channel channel, String templateId, Instant at) {
        this.ticketId = ticketId;
        this.sendKey = sendKey;
        this.channel = channel;
        this.templateId = templateId;
        this.at = at;
    }

    ContactAttempt withResult(String outcome, String note, String author) {
        this.outcome = outcome;
        this.note = note;
        this.author = author;
        return this;
    }

    /** The debtor contacted us (an SMS reply, a call-back). */
    ContactAttempt inbound() {
        this.direction = "INBOUND";
        return this;
    }

    /** The debtor wrote to us: an inbound contact with their text. */
    ContactAttempt reply(String text) {
        this.replyText = text;
        return inbound();
    }

    public Long getId() { return id; }
    public Long getTicketId() { return ticketId; }
    public Channel getChannel() { return channel; }
    public String getTemplateId() { return templateId; }
    /** Our text as sent (from the outbox row), or the debtor's for a reply. */
    public String getRenderedText() { return isInbound() ? replyText : sentText; }
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
