package com.collectiondesk.scan;

import com.collectiondesk.ticket.TicketProcessStarts;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandExecutor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Runs the portfolio scan; each chunk of tickets commits in its own engine command and transaction. Customers the
 * scan could not process are recorded on the run with their reason, so the job completes without an incident.
 * The features' {@link ScanStep}s run first, so tickets opened today are decided on today's figures. The new tickets'
 * processes are not started here: the next activity starts them in batches, one job each ({@link StartTicketProcessesDelegate}).
 */
@Component
class RunScanDelegate implements JavaDelegate {

    private static final Logger log = LoggerFactory.getLogger(RunScanDelegate.class);

    private final DelinquencyScan scan;
    private final ScanService scans;
    private final ScanMeters meters;
    private final ObjectProvider<ScanStep> steps;
    private final TicketProcessStarts starts;

    RunScanDelegate(DelinquencyScan scan, ScanService scans, ScanMeters meters, ObjectProvider<ScanStep> steps,
                    TicketProcessStarts starts) {
        this.starts = starts;
        this.scan = scan;
        this.scans = scans;
        this.meters = meters;
        this.steps = steps;
    }

    @Override
    public void execute(DelegateExecution execution) {
        scans.lockForScan();
        Long scanId = (Long) execution.getVariable(ScanProcess.SCAN_ID);
        if (scanId == null) {
            scanId = scans.startedByTimer().getId();
            execution.setVariable(ScanProcess.SCAN_ID, scanId);
        }
        ScanRun run = scans.get(scanId);
        CommandExecutor requiresNew = Context.getProcessEngineConfiguration().getCommandExecutorTxRequiresNew();
        long started = System.nanoTime();
        runSteps(run.getAsOf(), requiresNew);
        DelinquencyScan.Outcome outcome = scan.run(run.getAsOf(), chunk -> requiresNew.execute(commandContext -> chunk.get()));
        scans.finish(scanId, outcome);
        meters.finished(Duration.ofNanos(System.nanoTime() - started), outcome.counts());
        // also what an earlier, failed run opened: a ticket waits for its process until a batch starts it
        long pending = starts.pending();
        execution.setVariable(ScanProcess.TICKET_START_BATCHES,
                (int) ((pending + TicketProcessStarts.BATCH - 1) / TicketProcessStarts.BATCH));
    }

    private void runSteps(LocalDate asOf, CommandExecutor requiresNew) {
        for (ScanStep step : steps.orderedStream().toList()) {
            try {
                requiresNew.execute(commandContext -> {
                    step.run(asOf);
                    return null;
                });
            } catch (RuntimeException failed) {
                DelinquencyScan.rethrowIfTransient(failed);
                log.warn("Scan step {} failed for {}; the scan goes on without it", step.name(), asOf, failed);
            }
        }
    }
}
