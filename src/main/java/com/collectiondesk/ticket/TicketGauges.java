package com.collectiondesk.ticket;

import com.collectiondesk.system.ShortLivedReading;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** {@code collection_tickets_open{status}}: tickets not closed, by status, one grouped count per scrape. */
@Component
class TicketGauges implements MeterBinder {

    private final ShortLivedReading<Map<String, Long>> byStatus;

    TicketGauges(JdbcTemplate jdbc) {
        this.byStatus = new ShortLivedReading<>(Duration.ofSeconds(1), () -> {
            Map<String, Long> counts = new HashMap<>();
            jdbc.query("select status, count(*) from ticket where status <> ? group by status",
                    row -> {
                        counts.put(row.getString(1), row.getLong(2));
                    }, TicketStatus.CLOSED.name());
            return counts;
        });
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Arrays.stream(TicketStatus.values()).filter(status -> status != TicketStatus.CLOSED).forEach(status ->
                Gauge.builder("collection.tickets.open", byStatus, counts -> counts.get().getOrDefault(status.name(), 0L))
                        .tag("status", status.name()).description("tickets not closed, by status").register(registry));
    }
}
