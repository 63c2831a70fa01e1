package com.collectiondesk.scan;

import java.time.Duration;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandExecutor;
import org.springframework.stereotype.Component;

/**
 * Runs the portfolio scan; each chunk of tickets commits in its own engine command and transaction. Customers the
 * scan could not process are recorded on the run with their reason, so the job completes without an incident.
 */
@Component
class RunScanDelegate implements JavaDelegate {

    private final DelinquencyScan scan;
    private final ScanService scans;
    private final ScanMeters meters;

    RunScanDelegate(DelinquencyScan scan, ScanService scans, ScanMeters meters) {
        this.scan = scan;
        this.scans = scans;
        this.meters = meters;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Long scanId = (Long) execution.getVariable(ScanProcess.SCAN_ID);
        if (scanId == null) {
            scanId = scans.startedByTimer().getId();
            execution.setVariable(ScanProcess.SCAN_ID, scanId);
        }
        ScanRun run = scans.get(scanId);
        CommandExecutor requiresNew = Context.getProcessEngineConfiguration().getCommandExecutorTxRequiresNew();
        long started = System.nanoTime();
        DelinquencyScan.Outcome outcome = scan.run(run.getAsOf(), chunk -> requiresNew.execute(commandContext -> chunk.get()));
        scans.finish(scanId, outcome);
        meters.finished(Duration.ofNanos(System.nanoTime() - started), outcome.counts());
    }
}
