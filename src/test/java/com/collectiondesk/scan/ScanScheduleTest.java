package com.collectiondesk.scan;

import static org.assertj.core.api.Assertions.assertThat;

import com.collectiondesk.support.TicketProcessTestBase;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class ScanScheduleTest extends TicketProcessTestBase {

    @Autowired ScanRunRepository runs;

    @Test
    void theScanTimerFiresAtSixEveryMorningAndRecordsItsRun() {
        ManagementService management = engine.getManagementService();
        Job timer = management.createJobQuery().processDefinitionKey(ScanProcess.KEY).timers().singleResult();
        // collection.scan.cron "0 0 6 * * ?" in the server's time zone; one timer job per cluster
        ZonedDateTime due = timer.getDuedate().toInstant().atZone(ZoneId.systemDefault());
        assertThat(due.getHour()).isEqualTo(6);
        assertThat(due.getMinute()).isZero();

        ProcessInstance opened = open(standardDebtor());
        management.executeJob(timer.getId());
        ProcessInstance scan = engine.getRuntimeService().createProcessInstanceQuery()
                .processDefinitionKey(ScanProcess.KEY).active().singleResult();
        management.executeJob(management.createJobQuery().processInstanceId(scan.getId()).singleResult().getId());

        ScanRun run = runs.findAll().stream().filter(r -> r.getStartedBy().equals("timer")).findFirst().orElseThrow();
        assertThat(run.getState()).isEqualTo(ScanRun.State.COMPLETED);
        assertThat(run.getAsOf()).isEqualTo(TODAY);
        assertThat(run.getRefreshed()).isGreaterThanOrEqualTo(1);
        assertThat(ticketOf(opened).getOverdueAmount()).isEqualByComparingTo("300.00");
        assertThat(management.createJobQuery().processDefinitionKey(ScanProcess.KEY).timers().count())
                .as("the next morning's timer").isEqualTo(1);
    }
}
