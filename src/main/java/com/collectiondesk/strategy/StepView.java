package com.collectiondesk.strategy;

import com.collectiondesk.outreach.Channel;
import java.time.Instant;

/** One step of the ticket's plan, done or due, as the ticket API shows it. */
public record StepView(int plan, int index, int dayOffset, Channel channel, String templateId, Instant dueAt, Instant doneAt) {

    static StepView of(TicketStep s) {
        return new StepView(s.getPlanRound(), s.getStepIndex(), s.getDayOffset(), s.getChannel(), s.getTemplateId(),
                s.getDueAt(), s.getDoneAt());
    }
}
