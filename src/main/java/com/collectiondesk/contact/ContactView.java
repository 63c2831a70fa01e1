package com.collectiondesk.contact;

import com.collectiondesk.outreach.Channel;
import java.time.Instant;

/**
 * One contact as the ticket API shows it; {@code deliveryStatus} is the provider's last word on the send, from the
 * send's one record (null until then).
 */
public record ContactView(Channel channel, Instant at, String templateId, String outcome, String text, String note,
                          String author, boolean sandbox, String deliveryStatus) {

    static ContactView of(ContactAttempt c) {
        return new ContactView(c.getChannel(), c.getAt(), c.getTemplateId(), c.getOutcome(), c.getRenderedText(),
                c.getNote(), c.getAuthor(), c.isSandbox(), c.getDeliveryStatus());
    }
}
