package com.collectiondesk.outreach;

import jakarta.mail.MessagingException;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;
import java.util.ArrayDeque;
import java.util.Deque;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Debtor emails over SMTP connections kept open across a batch: a send borrows an open connection (one per
 * sending thread at a time), and gives it back for the next one; a connection is closed after
 * {@code collection.outreach.pacing.email-batch-size} messages, after {@code email-connection-idle} without one, or
 * when it failed. Connecting and logging in once per batch instead of once per email.
 */
@Component
class SmtpConnections {

    private record Connection(Transport transport, int sent, long lastUsedNanos) {
    }

    private final PacingSettings settings;
    private final Deque<Connection> idle = new ArrayDeque<>();

    SmtpConnections(PacingSettings settings) {
        this.settings = settings;
    }

    /** Sends over a reused connection; throws as {@code JavaMailSender.send} does when the server does not take it. */
    void send(JavaMailSenderImpl server, MimeMessage mime) {
        Connection connection = borrow(server);
        try {
            connection.transport().sendMessage(mime, mime.getAllRecipients());
        } catch (MessagingException | RuntimeException refused) {
            close(connection);
            throw new MailSendException("SMTP server did not take the message: " + refused.getMessage(), refused);
        }
        giveBack(new Connection(connection.transport(), connection.sent() + 1, System.nanoTime()));
    }

    /** Closes the connections idle for longer than the setting (the server would drop them anyway). */
    @Scheduled(fixedDelayString = "${collection.outreach.pacing.email-connection-idle:PT5S}")
    void closeIdle() {
        while (true) {
            Connection oldest;
            synchronized (idle) {
                oldest = idle.peekLast();
                if (oldest == null || !tooOld(oldest)) {
                    return;
                }
                idle.pollLast();
            }
            close(oldest);
        }
    }

    private Connection borrow(JavaMailSenderImpl server) {
        while (true) {
            Connection reused;
            synchronized (idle) {
                reused = idle.pollFirst();
            }
            if (reused == null) {
                return open(server);
            }
            // isConnected asks the server (NOOP): a connection it dropped is closed here, before any message is given
            if (!tooOld(reused) && reused.transport().isConnected()) {
                return reused;
            }
            close(reused);
        }
    }

    private void giveBack(Connection connection) {
        if (connection.sent() >= settings.emailBatchSize()) {
            close(connection);
            return;
        }
        synchronized (idle) {
            idle.addFirst(connection);
        }
    }

    private boolean tooOld(Connection connection) {
        return System.nanoTime() - connection.lastUsedNanos() > settings.emailConnectionIdle().toNanos();
    }

    private static Connection open(JavaMailSenderImpl server) {
        try {
            Transport transport = server.getSession().getTransport(server.getProtocol() == null ? "smtp" : server.getProtocol());
            // as JavaMailSenderImpl does: an empty user or password means none (no AUTH)
            transport.connect(server.getHost(), server.getPort(), blankAsNull(server.getUsername()), blankAsNull(server.getPassword()));
            return new Connection(transport, 0, System.nanoTime());
        } catch (MessagingException unreachable) {
            throw new MailSendException("SMTP server unreachable: " + unreachable.getMessage(), unreachable);
        }
    }

    private static String blankAsNull(String value) {
        return value == null || value.isEmpty() ? null : value;
    }

    private static void close(Connection connection) {
        try {
            connection.transport().close();
        } catch (MessagingException alreadyGone) {
            // closing a connection the server dropped: nothing left to do
        }
    }
}
