package com.collectiondesk.contact;

import java.time.Instant;

/** One contact as the ticket API shows it. */
public record ContactView(String channel, Instant at, String templateId, String outcome, String text, String note,
                          String author, boolean sandbox) {

    static ContactView of(ContactAttempt c) {
        return new ContactView(c.getChannel(), c.getAt(), c.getTemplateId(), c.getOutcome(), c.getRenderedText(),
                c.getNote(), c.getAuthor(), c.isSandbox());
    }
}
