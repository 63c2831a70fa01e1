package com.collectiondesk.outreach;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Set;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * A letter as a PDF: always added to the day's print batch, and also emailed as an attachment when the
 * debtor has an email address and has not unsubscribed from email.
 */
@Component
class LetterTransport implements ChannelTransport {

    private final LetterPdf pdf;
    private final LetterArchive archive;
    private final Mailer mailer;
    private final ZoneId businessZone;

    LetterTransport(LetterPdf pdf, LetterArchive archive, Mailer mailer,
                    @Value("${collection.business-zone:Europe/Sofia}") ZoneId businessZone) {
        this.pdf = pdf;
        this.archive = archive;
        this.mailer = mailer;
        this.businessZone = businessZone;
    }

    @Override
    public String name() {
        return "pdf";
    }

    @Override
    public Set<String> channels() {
        return Set.of("LETTER");
    }

    @Override
    public OutreachReceipt deliver(OutreachMessage message, RenderedMessage rendered) {
        // the engine's clock, so the print day agrees with the process's timers
        LocalDate printDay = LocalDate.ofInstant(ClockUtil.getCurrentTime().toInstant(), businessZone);
        byte[] letter = pdf.render(message, rendered, printDay);
        archive.keep(message.sendKey(), message.debt().ticketNumber(), printDay, letter);
        String providerId = "print:" + printDay;
        OutreachMessage.Debtor debtor = message.debtor();
        if (debtor.email() != null && !debtor.email().isBlank() && !debtor.emailOptOut()) {
            providerId += " " + mailer.send(message, rendered, message.debt().ticketNumber() + ".pdf", letter);
        }
        return new OutreachReceipt(rendered.subject() + "\n\n" + rendered.text(), providerId, 0, false);
    }
}
