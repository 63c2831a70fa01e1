package com.collectiondesk.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import org.camunda.bpm.engine.impl.metrics.MetricsRegistry;
import org.camunda.bpm.engine.management.Metrics;

/**
 * The engine's own job executor counts (the ones it writes to {@code act_ru_meter_log}), also counted in
 * Micrometer as they happen: the engine's registry resets its meters whenever it reports them to the database,
 * so they cannot be read back as running totals.
 */
class JobExecutorMeters extends MetricsRegistry {

    private final Map<String, Counter> counters;

    JobExecutorMeters(MeterRegistry registry) {
        this.counters = Map.of(
                Metrics.JOB_ACQUIRED_SUCCESS, counter(registry, "camunda.jobs.acquired", "jobs the job executor acquired (locked) to run"),
                Metrics.JOB_ACQUIRED_FAILURE, counter(registry, "camunda.jobs.acquisition.conflicts",
                        "jobs another acquisition (thread or node) locked first"),
                Metrics.JOB_EXECUTION_REJECTED, counter(registry, "camunda.jobs.rejected",
                        "acquired jobs the executor's queue was too full to take"),
                Metrics.JOB_SUCCESSFUL, counter(registry, "camunda.jobs.executed", "jobs that ran and committed"),
                Metrics.JOB_FAILED, counter(registry, "camunda.jobs.failed", "job runs that failed (each retry counts)"));
    }

    private static Counter counter(MeterRegistry registry, String name, String description) {
        return Counter.builder(name).description(description).register(registry);
    }

    @Override
    public void markOccurrence(String name, long times) {
        super.markOccurrence(name, times);
        Counter counter = counters.get(name);
        if (counter != null) {
            counter.increment(times);
        }
    }
}
