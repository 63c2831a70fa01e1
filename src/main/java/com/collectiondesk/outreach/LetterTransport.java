package com.collectiondesk.outreach;

import com.collectiondesk.system.BusinessClock;
import java.time.LocalDate;
import java.util.Set;
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
    private final BusinessClock clock;

    LetterTransport(LetterPdf pdf, LetterArchive archive, Mailer mailer, BusinessClock clock) {
        this.pdf = pdf;
        this.archive = archive;
        this.mailer = mailer;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "pdf";
    }

    @Override
    public Set<Channel> channels() {
        return Set.of(Channel.LETTER);
    }

    @Override
    public OutreachReceipt deliver(OutreachMessage message, RenderedMessage rendered) {
        LocalDate printDay = clock.today();
        byte[] letter = pdf.render(message, rendered, printDay);
        archive.keep(message.sendKey(), message.debt().ticketNumber(), printDay, letter);
        String providerId = "print:" + printDay;
        OutreachMessage.Debtor debtor = message.debtor();
        if (debtor.email() != null && !debtor.email().isBlank() && !debtor.emailOptOut()) {
            providerId += " " + mailer.send(message, rendered, message.debt().ticketNumber() + ".pdf", letter);
        }
        return new OutreachReceipt(rendered.fullText(), providerId, 0, false);
    }
}
