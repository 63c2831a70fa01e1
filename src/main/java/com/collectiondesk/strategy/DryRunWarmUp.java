package com.collectiondesk.strategy;

import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Warms the dry-run once the service is up, on a background thread of the lowest priority: the first dry-run after a
 * start used to take three times the next (the decision engine built, the FEEL cells parsed, the evaluation still
 * interpreted, not yet compiled by the JIT). A dry-run asked for meanwhile simply runs beside it.
 */
@Component
class DryRunWarmUp {

    private static final Logger LOG = LoggerFactory.getLogger(DryRunWarmUp.class);

    private final DryRun dryRun;
    private final DryRunSettings settings;
    private final CompletableFuture<Long> done = new CompletableFuture<>();

    DryRunWarmUp(DryRun dryRun, DryRunSettings settings) {
        this.dryRun = dryRun;
        this.settings = settings;
    }

    @EventListener(ApplicationReadyEvent.class)
    void afterStart() {
        if (settings.warmUpTickets() == 0) {
            done.complete(0L);
            return;
        }
        Thread warming = new Thread(this::warmUp, "dry-run-warm-up");
        warming.setDaemon(true);
        warming.setPriority(Thread.MIN_PRIORITY);
        warming.start();
    }

    private void warmUp() {
        long started = System.nanoTime();
        try {
            dryRun.warmUp(settings.warmUpTickets());
            long millis = (System.nanoTime() - started) / 1_000_000;
            LOG.info("Dry-run warmed up over {} made-up tickets in {} ms", settings.warmUpTickets(), millis);
            done.complete(millis);
        } catch (RuntimeException e) {
            // a slower first dry-run, nothing worse: the service works without it
            LOG.warn("Dry-run warm-up skipped: {}", e.getMessage());
            done.completeExceptionally(e);
        }
    }

    /** The warm-up's milliseconds once it is over (0 when off); DryRunBenchmark waits for it. */
    CompletableFuture<Long> done() {
        return done;
    }
}
