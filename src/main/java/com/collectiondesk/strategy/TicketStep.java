package com.collectiondesk.strategy;

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

/** One planned step of a ticket's strategy, as the collection-strategy decision gave it. */
@Entity
@Table(name = "ticket_step")
public class TicketStep {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "ticket_step_seq")
    @SequenceGenerator(name = "ticket_step_seq", sequenceName = "ticket_step_seq", allocationSize = 50)
    private Long id;
    @Column(name = "ticket_fk", nullable = false, updatable = false)
    private Long ticketId;
    @Column(name = "plan_round")
    private int planRound;
    @Column(name = "step_index")
    private int stepIndex;
    @Column(name = "day_offset")
    private int dayOffset;
    @Enumerated(EnumType.STRING)
    private Channel channel;
    @Column(name = "template_id")
    private String templateId;
    @Column(name = "due_at")
    private Instant dueAt;
    @Column(name = "done_at")
    private Instant doneAt;
    /** What the step costs the debtor when it went out (null: nothing). */
    @Column(name = "fee_amount")
    private java.math.BigDecimal feeAmount;
    @Column(name = "fee_currency")
    private String feeCurrency;

    protected TicketStep() {
    }

    TicketStep(Long ticketId, int planRound, int stepIndex, int dayOffset, Channel channel, String templateId, Instant dueAt,
               StepFee fee) {
        this.ticketId = ticketId;
        this.planRound = planRound;
        this.stepIndex = stepIndex;
        this.dayOffset = dayOffset;
        this.channel = channel;
        this.templateId = templateId;
        this.dueAt = dueAt;
        this.feeAmount = fee == null ? null : fee.amount();
        this.feeCurrency = fee == null ? null : fee.currency();
    }

    /** The fee the step costs when it went out, if any. */
    public java.util.Optional<StepFee> fee() {
        return feeAmount == null ? java.util.Optional.empty() : java.util.Optional.of(new StepFee(feeAmount, feeCurrency));
    }

    public String describe() {
        return channel + " day " + dayOffset + (templateId == null ? "" : " (" + templateId + ")");
    }

    public Long getTicketId() { return ticketId; }
    public int getPlanRound() { return planRound; }
    public int getStepIndex() { return stepIndex; }
    public int getDayOffset() { return dayOffset; }
    public Channel getChannel() { return channel; }
    public String getTemplateId() { return templateId; }
    public Instant getDueAt() { return dueAt; }
    public Instant getDoneAt() { return doneAt; }
    void markDone(Instant at) { this.doneAt = at; }
}
