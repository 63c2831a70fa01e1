package com.collectiondesk.outreach;

import com.collectiondesk.system.ShortLivedReading;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * What operators watch of the outreach: {@code collection_outreach_sends_total{channel, sender, outcome}} per send
 * attempt (PACED: put back to its sender's slot), and {@code collection_outreach_outbox_backlog{channel, sender, from,
 * status}}, the outbox's sends not accepted yet per sender (QUEUED: waiting for the sender's slot; SENDING: with the
 * provider now or in doubt; FAILED: waiting for the job's retry). {@code sender} is the channel's configured
 * transport, {@code from} who the provider counts the sends against (number, messaging service, SMTP host; one per
 * channel today).
 */
@Component
class SendMeters {

    /** How one call of the outreach port ended. */
    enum Outcome { ACCEPTED, ALREADY_ACCEPTED, PACED, FAILED, RATE_LIMITED, IN_DOUBT }

    private static final List<SendOutbox.Status> BACKLOG = List.of(SendOutbox.Status.QUEUED, SendOutbox.Status.SENDING,
            SendOutbox.Status.FAILED);

    private final MeterRegistry registry;
    private final OutreachSettings settings;
    /** Held here: a gauge keeps only a weak reference to what it reads. */
    private final ShortLivedReading<Map<String, Long>> backlog;

    SendMeters(MeterRegistry registry, OutreachSettings settings, ChannelTransports transports, JdbcTemplate jdbc) {
        this.registry = registry;
        this.settings = settings;
        this.backlog = new ShortLivedReading<>(Duration.ofSeconds(1), () -> {
            Map<String, Long> counts = new HashMap<>();
            jdbc.query("select channel, status, count(*) from outreach_send where status in (?, ?, ?) group by channel, status",
                    row -> {
                        counts.put(row.getString(1) + "/" + row.getString(2), row.getLong(3));
                    }, BACKLOG.stream().map(Enum::name).toArray());
            return counts;
        });
        for (Channel channel : Channel.AUTOMATED) {
            for (SendOutbox.Status status : BACKLOG) {
                Gauge.builder("collection.outreach.outbox.backlog", backlog, counts -> counts.get().getOrDefault(channel + "/" + status, 0L))
                        .tags("channel", channel.name(), "sender", settings.transportOf(channel),
                                "from", transports.senderId(channel).orElse("none"), "status", status.name())
                        .description("outbox sends not accepted by the provider yet").register(registry);
            }
        }
    }

    void count(Channel channel, Outcome outcome) {
        Counter.builder("collection.outreach.sends").description("sends through the outreach port, by how they ended")
                .tags("channel", String.valueOf(channel), "sender", Channel.AUTOMATED.contains(channel) ? settings.transportOf(channel) : "none",
                        "outcome", outcome.name())
                .register(registry).increment();
    }

    /** Counts the outcome of a send that threw. */
    void countFailure(Channel channel, RuntimeException failure) {
        count(channel, failure instanceof ProviderRateLimitedException ? Outcome.RATE_LIMITED
                : failure instanceof SendInDoubtException ? Outcome.IN_DOUBT : Outcome.FAILED);
    }
}
