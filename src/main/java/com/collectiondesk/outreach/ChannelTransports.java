package com.collectiondesk.outreach;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * The configured transport of each automated channel, chosen once at start (a wrong name fails start-up), and
 * the sender it sends from with that sender's pace ({@code collection.outreach.pacing.*}).
 */
@Component
class ChannelTransports {

    private final Map<Channel, ChannelTransport> byChannel;
    private final PacingSettings pacing;

    ChannelTransports(OutreachSettings settings, PacingSettings pacing, List<ChannelTransport> transports) {
        this.pacing = pacing;
        Map<String, ChannelTransport> available = transports.stream().flatMap(transport -> transport.channels().stream()
                        .map(channel -> Map.entry(channel + "/" + transport.name(), transport)))
                .collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, Map.Entry::getValue));
        this.byChannel = Channel.AUTOMATED.stream()
                .collect(Collectors.toUnmodifiableMap(channel -> channel, channel -> chosen(channel, settings, available)));
    }

    ChannelTransport transportFor(Channel channel) {
        ChannelTransport transport = channel == null ? null : byChannel.get(channel);
        if (transport == null) {
            throw new IllegalArgumentException("channel: no outreach transport for " + channel);
        }
        return transport;
    }

    /** The provider's name for who sends on this channel (number, messaging service, SMTP host), if it has one. */
    Optional<String> senderId(Channel channel) {
        return Optional.ofNullable(transportFor(channel).senderOf(channel));
    }

    /**
     * The paced sender of this channel for a debtor of the legal entity (each entity's own number or messaging service
     * keeps its own pace); null when the channel is not paced (sandbox, letters, rate 0).
     */
    SendPace.Sender pacedSender(Channel channel, String legalEntity) {
        java.time.Duration interval = pacing.intervalOf(channel);
        String id = interval == null ? null : transportFor(channel).senderOf(channel, legalEntity);
        return id == null ? null : new SendPace.Sender(channel + " " + id, interval);
    }

    private static ChannelTransport chosen(Channel channel, OutreachSettings settings, Map<String, ChannelTransport> available) {
        String name = settings.transportOf(channel);
        ChannelTransport transport = available.get(channel + "/" + name);
        if (transport == null) {
            throw new IllegalStateException("collection.outreach." + channel.name().toLowerCase(Locale.ROOT)
                    + ".transport: '" + name + "' is not a transport for " + channel + "; use one of "
                    + available.keySet().stream().filter(key -> key.startsWith(channel + "/"))
                    .map(key -> key.substring(channel.name().length() + 1)).sorted().toList());
        }
        return transport;
    }
}
