package com.collectiondesk.outreach;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * The outreach port: renders the template, claims the send key in the outbox, and hands the message to the
 * channel's configured transport. A send already accepted returns its stored receipt without calling the
 * provider again.
 */
@Component
class OutreachSender implements OutreachPort {

    private final MessageTemplates templates;
    private final SendOutbox outbox;
    private final OutreachSettings settings;
    private final Map<String, ChannelTransport> transports;

    OutreachSender(MessageTemplates templates, SendOutbox outbox, OutreachSettings settings, List<ChannelTransport> transports) {
        this.templates = templates;
        this.outbox = outbox;
        this.settings = settings;
        this.transports = transports.stream().flatMap(transport -> transport.channels().stream()
                        .map(channel -> Map.entry(channel + "/" + transport.name(), transport)))
                .collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, Map.Entry::getValue));
        for (String channel : List.of("SMS", "VOICE", "EMAIL", "LETTER")) {
            transportFor(channel);
        }
    }

    @Override
    public OutreachReceipt send(OutreachMessage message) {
        RenderedMessage rendered = templates.render(message);
        SendOutbox.Claim claim = outbox.claim(message.sendKey(), message.debt().ticketNumber(), message.channel());
        if (!claim.granted()) {
            return claim.receipt();
        }
        try {
            OutreachReceipt receipt = transportFor(message.channel()).deliver(message, rendered);
            outbox.accepted(message.sendKey(), receipt);
            return receipt;
        } catch (RuntimeException notAccepted) {
            outbox.failed(message.sendKey(), notAccepted);
            throw notAccepted;
        }
    }

    private ChannelTransport transportFor(String channel) {
        String name = settings.transportOf(channel);
        ChannelTransport transport = transports.get(channel + "/" + name);
        if (transport == null) {
            throw new IllegalStateException("collection.outreach." + channel.toLowerCase(java.util.Locale.ROOT)
                    + ".transport: '" + name + "' is not a transport for " + channel + "; use one of "
                    + transports.keySet().stream().filter(key -> key.startsWith(channel + "/"))
                    .map(key -> key.substring(channel.length() + 1)).sorted().toList());
        }
        return transport;
    }
}
