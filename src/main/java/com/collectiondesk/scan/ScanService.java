package com.collectiondesk.scan;

import com.collectiondesk.errors.InputRefused;
import com.collectiondesk.errors.NotFound;
import com.collectiondesk.system.BusinessClock;
import com.collectiondesk.ticket.TicketProcessGateway;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Starts scans on demand and keeps each run's state, counts and the customers it could not process. */
@Service
@Transactional
class ScanService {

    private final ScanRunRepository runs;
    private final RuntimeService runtime;
    private final TicketProcessGateway processes;
    private final BusinessClock clock;
    private final JdbcTemplate jdbc;

    ScanService(ScanRunRepository runs, RuntimeService runtime, TicketProcessGateway processes, BusinessClock clock,
                JdbcTemplate jdbc) {
        this.runs = runs;
        this.runtime = runtime;
        this.processes = processes;
        this.clock = clock;
        this.jdbc = jdbc;
    }

    /**
     * Records the run and starts the scan process; the scan itself runs as the process's async job. A date after
     * today is refused: the ledger has no future yet, and such a scan would rewrite every ticket's DPD.
     */
    ScanRun start(LocalDate asOf, String startedBy) {
        LocalDate today = clock.today();
        if (asOf != null && asOf.isAfter(today)) {
            throw new InputRefused("asOf", "a scan runs for today (" + today + ") or a past date, not "
                    + asOf);
        }
        ScanRun run = runs.save(new ScanRun(asOf == null ? today : asOf, startedBy, clock.now()));
        processes.asSystem(() -> runtime.startProcessInstanceByMessage(ScanProcess.MSG_REQUESTED, "scan-" + run.getId(),
                Map.of(ScanProcess.SCAN_ID, run.getId(), ScanProcess.AS_OF, run.getAsOf().toString())));
        return run;
    }

    /** The run a timer-started scan records for itself. */
    ScanRun startedByTimer() {
        return runs.save(new ScanRun(clock.today(), "timer", clock.now()));
    }

    ScanRun get(Long id) {
        return runs.findById(id).orElseThrow(() -> new NotFound("No scan " + id));
    }

    void finish(Long id, DelinquencyScan.Outcome outcome) {
        get(id).finish(outcome.counts(), clock.now());
        jdbc.batchUpdate("insert into scan_problem (scan_run_fk, customer_id, currency, reason) values (?, ?, ?, ?)",
                outcome.problems().stream().map(p -> new Object[] {id, p.customerId(), p.currency(), p.reason()}).toList());
    }

    /**
     * Locks the one scan_lock row until the caller's transaction ends (the scan's job): a second scan waits for the
     * first (on H2 until its lock timeout, then its job is retried), so two scans never open the same tickets.
     */
    void lockForScan() {
        jdbc.queryForObject("select id from scan_lock where id = 1 for update", Integer.class);
    }

    /** The customers the run skipped because it could not process them, in customer id order. */
    List<ScanProblem> problems(Long id) {
        get(id);
        return jdbc.query("select customer_id, currency, reason from scan_problem where scan_run_fk = ? order by customer_id, currency",
                (rs, row) -> new ScanProblem(rs.getString("customer_id"), rs.getString("currency"), rs.getString("reason")), id);
    }
}
