package com.collectiondesk.scan;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * {@code collection_scan_duration_seconds} (one sample per finished scan) and
 * {@code collection_scan_customers_total{result}}: tickets opened, refreshed and closed, customers below tolerance
 * or DPD threshold (skipped) and customers the scan could not process (failed).
 */
@Component
class ScanMeters {

    private final Timer duration;
    private final MeterRegistry registry;

    ScanMeters(MeterRegistry registry) {
        this.registry = registry;
        this.duration = Timer.builder("collection.scan.duration").description("how long the portfolio scan ran")
                .register(registry);
    }

    void finished(Duration took, ScanCounts counts) {
        duration.record(took);
        Map.of("opened", counts.opened(), "refreshed", counts.refreshed(), "closed", counts.closed(),
                        "skipped", counts.skipped(), "failed", counts.failed())
                .forEach((result, count) -> Counter.builder("collection.scan.customers")
                        .description("what the scans did with each overdue position").tag("result", result)
                        .register(registry).increment(count));
    }
}
