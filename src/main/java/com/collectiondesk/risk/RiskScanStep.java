package com.collectiondesk.risk;

import com.collectiondesk.scan.ScanStep;
import java.time.LocalDate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** The daily scan recomputes every customer's behavioural score before it opens today's tickets. */
@Component
@Order(1)
class RiskScanStep implements ScanStep {

    private static final Logger log = LoggerFactory.getLogger(RiskScanStep.class);

    private final BehaviourScore score;

    RiskScanStep(BehaviourScore score) {
        this.score = score;
    }

    @Override
    public String name() {
        return "behavioural score";
    }

    @Override
    public void run(LocalDate asOf) {
        long started = System.nanoTime();
        int scored = score.recompute(asOf);
        log.info("Behavioural score {} recomputed for {} customers as of {} in {} ms", score.version(), scored, asOf,
                (System.nanoTime() - started) / 1_000_000);
    }
}
