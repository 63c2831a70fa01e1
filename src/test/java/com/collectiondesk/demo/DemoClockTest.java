package com.collectiondesk.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.collectiondesk.contact.ContactAttemptRepository;
import com.collectiondesk.outreach.Channel;
import com.collectiondesk.support.IntegrationTest;
import com.collectiondesk.support.TestUsers;
import com.collectiondesk.system.BusinessClock;
import com.collectiondesk.ticket.TicketProcess;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;

/** The demo's business clock: managers only, only in profile demo; and the demo portfolio's day 0. */
class DemoClockTest {

    /** The demo users' password (README, Users and credentials). */
    private static final String DEMO_PASSWORD = "demo";

    @Nested
    @IntegrationTest
    @ActiveProfiles({"test", "demo"})
    class DemoProfile {

        @Autowired TestRestTemplate rest;
        @Autowired BusinessClock clock;
        @Autowired ProcessEngine engine;
        @Autowired ContactAttemptRepository contacts;

        @AfterEach
        void resetClock() {
            ClockUtil.reset();
        }

        @Test
        void aManagerRunsTheClockForwardAndACollectorMayNot() {
            LocalDate today = clock.today();

            ResponseEntity<JsonNode> collector = rest.withBasicAuth("collector", DEMO_PASSWORD)
                    .postForEntity("/api/demo/clock/advance?days=1", null, JsonNode.class);
            assertThat(collector.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
            assertThat(clock.today()).isEqualTo(today);

            ResponseEntity<JsonNode> manager = rest.withBasicAuth("manager", DEMO_PASSWORD)
                    .postForEntity("/api/demo/clock/advance?days=1", null, JsonNode.class);
            assertThat(manager.getStatusCode()).isEqualTo(HttpStatus.OK);
            assertThat(manager.getBody().get("today").asText()).isEqualTo(today.plusDays(1).toString());
            assertThat(clock.today()).isEqualTo(today.plusDays(1));

            ResponseEntity<JsonNode> tooFar = rest.withBasicAuth("manager", DEMO_PASSWORD)
                    .postForEntity("/api/demo/clock/advance?days=400", null, JsonNode.class);
            assertThat(tooFar.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
            assertThat(tooFar.getBody().get("detail").asText()).isEqualTo("days: must be a whole number from 0 to 60, not 400");
            assertThat(clock.today()).isEqualTo(today.plusDays(1));
        }

        @Test
        void theDemoPortfolioGetsItsFirstSmsAndItsFirstCallTaskOnTheDayItIsScanned() {
            // mid-morning in Sofia today, inside every demo debtor's contact hours
            ClockUtil.setCurrentTime(Date.from(LocalDate.now(clock.zone()).atTime(LocalTime.of(10, 0))
                    .atZone(clock.zone()).toInstant()));
            LocalDate today = clock.today();

            ResponseEntity<JsonNode> scan = rest.withBasicAuth("manager", DEMO_PASSWORD)
                    .postForEntity("/api/scans", null, JsonNode.class);
            assertThat(scan.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
            runDueJobs();

            assertThat(contacts.findAll()).filteredOn(contact -> contact.getChannel() == Channel.SMS)
                    .as("day-0 SMS of the STANDARD debtors").isNotEmpty()
                    .allSatisfy(sms -> assertThat(LocalDate.ofInstant(sms.getAt(), clock.zone())).isEqualTo(today));
            assertThat(engine.getTaskService().createTaskQuery().taskDefinitionKey(TicketProcess.CALL_DEBTOR).list())
                    .as("day-0 call of the HARD debtors").isNotEmpty()
                    .allSatisfy(call -> assertThat(LocalDate.ofInstant(call.getCreateTime().toInstant(), clock.zone()))
                            .isEqualTo(today));
        }

        /** What the job executor (off in tests) would run now: the scan, its tickets' ERP syncs, due timers, sends. */
        private void runDueJobs() {
            ManagementService management = engine.getManagementService();
            for (int round = 0; round < 2000; round++) {
                List<Job> due = management.createJobQuery().executable().listPage(0, 1);
                if (due.isEmpty()) {
                    return;
                }
                management.executeJob(due.get(0).getId());
            }
            throw new AssertionError("jobs kept coming");
        }
    }

    @Nested
    @IntegrationTest
    class DefaultRun {

        @Autowired ApplicationContext context;
        @Autowired TestRestTemplate rest;

        @Test
        void hasNoClockToAdvance() {
            assertThat(context.getBeansOfType(DemoClockApi.class)).isEmpty();
            ResponseEntity<Map> answer = rest.withBasicAuth(TestUsers.ADMIN, TestUsers.ADMIN_PASSWORD)
                    .postForEntity("/api/demo/clock/advance?days=1", null, Map.class);
            assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        }
    }
}
