package com.collectiondesk.outreach;

import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The default on a fresh machine: records exactly what would have been sent (the caller stores the rendered
 * text on the ticket) and sends nothing.
 */
@Component
class SandboxTransport implements ChannelTransport {

    private static final Logger log = LoggerFactory.getLogger(SandboxTransport.class);

    @Override
    public String name() {
        return OutreachSettings.SANDBOX;
    }

    @Override
    public Set<Channel> channels() {
        return Channel.AUTOMATED;
    }

    @Override
    public OutreachReceipt deliver(OutreachMessage message, RenderedMessage rendered) {
        String text = rendered.fullText();
        // the key only: recipient and text are personal data
        log.info("Sandbox {} send {} ({} characters)", message.channel(), message.sendKey(), text.length());
        int segments = message.channel() == Channel.SMS ? GsmSegments.count(rendered.text()) : 0;
        return new OutreachReceipt(text, "sandbox:" + message.sendKey(), segments, true);
    }
}
