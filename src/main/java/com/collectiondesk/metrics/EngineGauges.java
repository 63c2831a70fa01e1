package com.collectiondesk.metrics;

import com.collectiondesk.system.BusinessClock;
import com.collectiondesk.system.ShortLivedReading;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.springframework.stereotype.Component;

/**
 * What waits in the engine, read through its query API at scrape time (at most once a second): jobs due but not
 * acquired (the job executor falls behind), the lag of the oldest due timer, open incidents per activity.
 * Queries run as the engine itself, not as the scraping user, whose authorizations would hide most jobs.
 */
@Component
class EngineGauges implements MeterBinder {

    /** Incidents listed per scrape to count them by activity; beyond it only the total is exact. */
    static final int LISTED_INCIDENTS = 2000;

    private final ManagementService management;
    private final RuntimeService runtime;
    private final IdentityService identity;
    private final BusinessClock clock;
    private final ShortLivedReading<Snapshot> snapshot = new ShortLivedReading<>(Duration.ofSeconds(1), this::read);
    private MeterRegistry registry;
    /** Activities that have had incidents: each keeps its gauge (0 once cleared, a drop rather than a gap). */
    private final Set<String> activities = ConcurrentHashMap.newKeySet();

    EngineGauges(ProcessEngine engine, BusinessClock clock) {
        this.management = engine.getManagementService();
        this.runtime = engine.getRuntimeService();
        this.identity = engine.getIdentityService();
        this.clock = clock;
    }

    private record Snapshot(long dueNotAcquired, double timerLagSeconds, long incidents, Map<String, Long> incidentsByActivity) {
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("camunda.jobs.due", this, gauges -> gauges.current().dueNotAcquired())
                .description("jobs due (retries left, not suspended) that no job executor has acquired yet").register(registry);
        Gauge.builder("camunda.timer.lag", this, gauges -> gauges.current().timerLagSeconds()).baseUnit("seconds")
                .description("now minus the due date of the oldest due timer (0 when none is due)").register(registry);
        Gauge.builder("camunda.incidents.open", this, gauges -> gauges.current().incidents())
                .description("open incidents (failed jobs out of retries and others)").register(registry);
        this.registry = registry;
    }

    /** A gauge for each activity the first time it has an incident; it shows from the next scrape on. */
    private void gaugeEach(Set<String> found) {
        for (String activity : found) {
            if (activities.add(activity)) {
                Gauge.builder("camunda.incidents", this, gauges -> gauges.current().incidentsByActivity().getOrDefault(activity, 0L))
                        .tag("activity", activity).description("open incidents per activity they happened in").register(registry);
            }
        }
    }

    private Snapshot current() {
        return snapshot.get();
    }

    private Snapshot read() {
        return asEngine(() -> {
            long due = management.createJobQuery().executable().count();
            long acquired = management.createJobQuery().executable().acquired().count();
            List<Job> oldest = management.createJobQuery().executable().timers().orderByJobDuedate().asc().listPage(0, 1);
            double lag = oldest.isEmpty() || oldest.get(0).getDuedate() == null ? 0
                    : Math.max(0, Duration.between(oldest.get(0).getDuedate().toInstant(), clock.now()).toMillis() / 1000.0);
            Map<String, Long> byActivity = new TreeMap<>();
            for (Incident incident : runtime.createIncidentQuery().orderByActivityId().asc().listPage(0, LISTED_INCIDENTS)) {
                byActivity.merge(incident.getActivityId() == null ? "none" : incident.getActivityId(), 1L, Long::sum);
            }
            gaugeEach(byActivity.keySet());
            return new Snapshot(Math.max(0, due - acquired), lag, runtime.createIncidentQuery().count(), byActivity);
        });
    }

    private <T> T asEngine(Supplier<T> query) {
        Authentication caller = identity.getCurrentAuthentication();
        identity.clearAuthentication();
        try {
            return query.get();
        } finally {
            if (caller != null) {
                identity.setAuthentication(caller);
            }
        }
    }
}
