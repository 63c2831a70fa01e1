package com.collectiondesk.outreach;

import java.util.Set;
import org.springframework.stereotype.Component;

/** Email through the configured SMTP server. */
@Component
class EmailTransport implements ChannelTransport {

    private final Mailer mailer;

    EmailTransport(Mailer mailer) {
        this.mailer = mailer;
    }

    @Override
    public String name() {
        return "smtp";
    }

    @Override
    public Set<Channel> channels() {
        return Set.of(Channel.EMAIL);
    }

    @Override
    public String senderOf(Channel channel) {
        return mailer.server();
    }

    @Override
    public OutreachReceipt deliver(OutreachMessage message, RenderedMessage rendered) {
        String messageId = mailer.send(message, rendered, null, null);
        return new OutreachReceipt(rendered.fullText(), messageId, 0, false);
    }
}
