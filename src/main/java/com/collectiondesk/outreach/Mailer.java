package com.collectiondesk.outreach;

import com.collectiondesk.system.PublicAddress;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

/**
 * Emails to debtors through {@code JavaMailSender} ({@code spring.mail.*}): HTML with a plain-text part,
 * an unsubscribe line and the {@code List-Unsubscribe} headers; optionally a PDF attachment.
 */
@Component
class Mailer {

    private final ObjectProvider<JavaMailSender> mailSender;
    private final OutreachSettings settings;
    private final UnsubscribeTokens tokens;
    private final PublicAddress publicAddress;

    private final SmtpConnections connections;

    private final EntitySenders senders;

    Mailer(ObjectProvider<JavaMailSender> mailSender, OutreachSettings settings, UnsubscribeTokens tokens,
           PublicAddress publicAddress, SmtpConnections connections, EntitySenders senders) {
        this.senders = senders;
        this.mailSender = mailSender;
        this.connections = connections;
        this.settings = settings;
        this.tokens = tokens;
        this.publicAddress = publicAddress;
    }

    /** Sends and returns the Message-ID; throws when the SMTP server does not take it, so the job retries. */
    String send(OutreachMessage message, RenderedMessage rendered, String attachmentName, byte[] pdf) {
        JavaMailSender sender = mailSender.getIfAvailable();
        if (sender == null) {
            throw new IllegalStateException("spring.mail.host: no SMTP server configured for the smtp email transport");
        }
        String unsubscribe = publicAddress.of("/unsubscribe/" + tokens.issue(message.debtor().customerId(), Instant.now()));
        try {
            MimeMessage mime = sender.createMimeMessage();
            MimeMessageHelper mail = new MimeMessageHelper(mime, true, StandardCharsets.UTF_8.name());
            EntitySenders.Sender from = senders.of(message.debtor().legalEntity()); // the debtor's entity's address
            mail.setFrom(new InternetAddress(from.emailFrom(), from.name(), StandardCharsets.UTF_8.name()));
            mail.setTo(strictAddress(message.debtor().email()));
            mail.setSubject(withoutLineBreaks(rendered.subject()));
            String line = rendered.labels().get("unsubscribe");
            mail.setText(rendered.text() + "\n\n--\n" + line + " " + unsubscribe,
                    "<html><body>\n" + rendered.htmlBody() + "<hr/>\n<p style=\"font-size:small\">"
                            + HtmlUtils.htmlEscape(line, "UTF-8") + " <a href=\"" + HtmlUtils.htmlEscape(unsubscribe, "UTF-8") + "\">"
                            + HtmlUtils.htmlEscape(unsubscribe, "UTF-8") + "</a></p>\n</body></html>");
            if (pdf != null) {
                mail.addAttachment(attachmentName, new ByteArrayResource(pdf), "application/pdf");
            }
            mime.setHeader("List-Unsubscribe", "<" + unsubscribe + ">");
            mime.setHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
            mime.saveChanges();
            String messageId = mime.getMessageID();
            if (sender instanceof JavaMailSenderImpl server) {
                connections.send(server, mime);
            } else {
                sender.send(mime);
            }
            return messageId;
        } catch (MessagingException | java.io.UnsupportedEncodingException e) {
            throw new IllegalStateException("Cannot build the email for send " + message.sendKey(), e);
        } catch (MailException smtpDown) {
            throw new IllegalStateException("SMTP server did not take send " + message.sendKey() + ": " + smtpDown.getMessage(), smtpDown);
        }
    }

    /** The SMTP server the emails go to, whose pace the outbox keeps. */
    String server() {
        JavaMailSender sender = mailSender.getIfAvailable();
        return sender instanceof JavaMailSenderImpl server && server.getHost() != null ? server.getHost() : "smtp";
    }

    /** Strict RFC 822 parsing and no control characters: nothing can smuggle in a Cc or Bcc header. */
    private static InternetAddress strictAddress(String email) throws AddressException {
        if (email == null || email.isBlank() || email.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException("email: the debtor has no usable email address");
        }
        InternetAddress address = new InternetAddress(email, true);
        address.validate();
        return address;
    }

    private static String withoutLineBreaks(String subject) {
        return subject == null ? "" : subject.replaceAll("\\p{Cntrl}", " ");
    }
}
