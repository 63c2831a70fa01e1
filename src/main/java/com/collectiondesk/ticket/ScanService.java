package com.collectiondesk.ticket;

import com.collectiondesk.system.BusinessClock;
import java.time.LocalDate;
import java.util.Map;
import java.util.NoSuchElementException;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Starts scans on demand and keeps each run's state and counts. */
@Service
@Transactional
class ScanService {

    private final ScanRunRepository runs;
    private final RuntimeService runtime;
    private final TicketProcessGateway processes;
    private final BusinessClock clock;

    ScanService(ScanRunRepository runs, RuntimeService runtime, TicketProcessGateway processes, BusinessClock clock) {
        this.runs = runs;
        this.runtime = runtime;
        this.processes = processes;
        this.clock = clock;
    }

    /** Records the run and starts the scan process; the scan itself runs as the process's async job. */
    ScanRun start(LocalDate asOf, String startedBy) {
        ScanRun run = runs.save(new ScanRun(asOf == null ? clock.today() : asOf, startedBy, clock.now()));
        processes.asSystem(() -> runtime.startProcessInstanceByMessage(ScanProcess.MSG_REQUESTED, "scan-" + run.getId(),
                Map.of(ScanProcess.SCAN_ID, run.getId(), ScanProcess.AS_OF, run.getAsOf().toString())));
        return run;
    }

    /** The run a timer-started scan records for itself. */
    ScanRun startedByTimer() {
        return runs.save(new ScanRun(clock.today(), "timer", clock.now()));
    }

    ScanRun get(Long id) {
        return runs.findById(id).orElseThrow(() -> new NoSuchElementException("No scan " + id));
    }

    void finish(Long id, ScanCounts counts) {
        get(id).finish(counts, clock.now());
    }
}
