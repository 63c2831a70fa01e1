package com.collectiondesk.scan;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;

/** Runs a scan's jobs as the job executor would: the scan itself, then each batch of ticket process starts. */
final class ScanJobs {

    private ScanJobs() {
    }

    static ProcessInstance instanceOf(ProcessEngine engine, long scanId) {
        return engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey("scan-" + scanId)
                .singleResult();
    }

    /** The scan's own job only: its tickets are opened, their processes not started yet. */
    static void runScanOnly(ProcessEngine engine, long scanId) {
        ManagementService management = engine.getManagementService();
        management.executeJob(management.createJobQuery().processInstanceId(instanceOf(engine, scanId).getId())
                .activityId(ScanProcess.RUN_SCAN).singleResult().getId());
    }

    /**
     * Runs the scan's own job while the run's last write (its counts) is refused, as a crash at the very end would
     * be: the chunks are committed, the job fails and waits for its retry.
     */
    static void runScanFailingAtTheEnd(ProcessEngine engine, org.springframework.jdbc.core.JdbcTemplate jdbc, long scanId) {
        jdbc.execute("alter table scan_run add constraint ck_test_unfinished check (id <> " + scanId + " or state <> 'COMPLETED')");
        try {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> runScanOnly(engine, scanId)).isInstanceOf(RuntimeException.class);
        } finally {
            jdbc.execute("alter table scan_run drop constraint ck_test_unfinished");
        }
    }

    /** Every job of the scan until its process ends; returns how many ran. */
    static int runToEnd(ProcessEngine engine, long scanId) {
        ProcessInstance scan = instanceOf(engine, scanId);
        ManagementService management = engine.getManagementService();
        int ran = 0;
        for (Job job = next(management, scan); job != null; job = next(management, scan)) {
            management.executeJob(job.getId());
            ran++;
        }
        return ran;
    }

    private static Job next(ManagementService management, ProcessInstance scan) {
        return management.createJobQuery().processInstanceId(scan.getId()).withRetriesLeft().listPage(0, 1).stream()
                .findFirst().orElse(null);
    }
}
