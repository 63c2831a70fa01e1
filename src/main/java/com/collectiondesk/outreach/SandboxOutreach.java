package com.collectiondesk.outreach;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The default transport: renders exactly what would be sent and sends nothing. The caller records the
 * receipt on the ticket as a sandbox contact.
 */
@Component
class SandboxOutreach implements OutreachPort {

    private static final Logger log = LoggerFactory.getLogger(SandboxOutreach.class);

    private final MessageTemplates templates;

    SandboxOutreach(MessageTemplates templates) {
        this.templates = templates;
    }

    @Override
    public OutreachReceipt send(OutreachMessage message) {
        String text = templates.render(message);
        // the key only: recipient and text are personal data
        log.info("Sandbox {} send {} ({} characters)", message.channel(), message.sendKey(), text.length());
        return new OutreachReceipt(text, "sandbox:" + message.sendKey(), true);
    }
}
