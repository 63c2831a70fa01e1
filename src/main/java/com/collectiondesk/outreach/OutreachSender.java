package com.collectiondesk.outreach;

import java.time.Instant;
import java.util.Collection;
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
    private final SendMeters meters;
    /** The configured transport of each channel, chosen once at start (a wrong name fails start-up). */
    private final Map<Channel, ChannelTransport> byChannel;

    OutreachSender(MessageTemplates templates, SendOutbox outbox, SendMeters meters, OutreachSettings settings,
                   List<ChannelTransport> transports) {
        this.templates = templates;
        this.outbox = outbox;
        this.meters = meters;
        Map<String, ChannelTransport> available = transports.stream().flatMap(transport -> transport.channels().stream()
                        .map(channel -> Map.entry(channel + "/" + transport.name(), transport)))
                .collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, Map.Entry::getValue));
        this.byChannel = Channel.AUTOMATED.stream()
                .collect(Collectors.toUnmodifiableMap(channel -> channel, channel -> chosen(channel, settings, available)));
    }

    @Override
    public OutreachReceipt send(OutreachMessage message) {
        RenderedMessage rendered = templates.render(message);
        SendOutbox.Claim claim;
        try {
            claim = outbox.claim(message.sendKey(), message.debt().ticketNumber(), message.channel());
        } catch (SendInDoubtException inDoubt) {
            meters.countFailure(message.channel(), inDoubt);
            throw inDoubt;
        }
        if (!claim.granted()) {
            meters.count(message.channel(), SendMeters.Outcome.ALREADY_ACCEPTED);
            return claim.receipt();
        }
        try {
            OutreachReceipt receipt = transportFor(message.channel()).deliver(message, rendered);
            outbox.accepted(message.sendKey(), receipt);
            meters.count(message.channel(), SendMeters.Outcome.ACCEPTED);
            return receipt;
        } catch (RuntimeException notAccepted) {
            outbox.failed(message.sendKey(), notAccepted);
            meters.countFailure(message.channel(), notAccepted);
            throw notAccepted;
        }
    }

    @Override
    public List<ClaimedSend> claimedSince(Collection<String> ticketNumbers, Instant since) {
        return outbox.claimedSince(ticketNumbers, since);
    }

    private ChannelTransport transportFor(Channel channel) {
        ChannelTransport transport = channel == null ? null : byChannel.get(channel);
        if (transport == null) {
            throw new IllegalArgumentException("channel: no outreach transport for " + channel);
        }
        return transport;
    }

    private static ChannelTransport chosen(Channel channel, OutreachSettings settings, Map<String, ChannelTransport> available) {
        String name = settings.transportOf(channel);
        ChannelTransport transport = available.get(channel + "/" + name);
        if (transport == null) {
            throw new IllegalStateException("collection.outreach." + channel.name().toLowerCase(java.util.Locale.ROOT)
                    + ".transport: '" + name + "' is not a transport for " + channel + "; use one of "
                    + available.keySet().stream().filter(key -> key.startsWith(channel + "/"))
                    .map(key -> key.substring(channel.name().length() + 1)).sorted().toList());
        }
        return transport;
    }
}
