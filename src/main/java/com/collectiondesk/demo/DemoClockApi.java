package com.collectiondesk.demo;

import com.collectiondesk.errors.InputRefused;
import com.collectiondesk.security.AllowedGroups;
import com.collectiondesk.security.Groups;
import com.collectiondesk.system.BusinessClock;
import io.swagger.v3.oas.annotations.Operation;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.context.annotation.Profile;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Profile {@code demo} only: a manager runs the business clock forward, so a demo shows tomorrow's steps today.
 * The clock is the engine's (see {@link BusinessClock}): moving it makes every timer due by then fire (steps, promise
 * checks, the morning scan) and every date, DPD and report follow. The clock keeps ticking from there; a restart
 * resets it. Outside the demo profile this bean does not exist, so the path answers 404.
 */
@RestController
@Profile("demo")
@RequestMapping("/api/demo/clock")
@AllowedGroups(Groups.MANAGERS)
class DemoClockApi {

    static final int MAX_DAYS = 60;

    private final BusinessClock clock;
    private final ProcessEngine engine;

    DemoClockApi(BusinessClock clock, ProcessEngine engine) {
        this.clock = clock;
        this.engine = engine;
    }

    record ClockView(Instant now, LocalDate today, String zone) {
    }

    @Operation(summary = "Demo profile only: the business clock (now and today in the business zone)")
    @GetMapping
    ClockView now() {
        return new ClockView(clock.now(), clock.today(), clock.zone().getId());
    }

    @Operation(summary = "Demo profile only: run the business clock forward by days and hours; due timers fire (managers)")
    @PostMapping("/advance")
    ClockView advance(@RequestParam(defaultValue = "1") int days, @RequestParam(defaultValue = "0") int hours) {
        if (days < 0 || days > MAX_DAYS) {
            throw new InputRefused("days", "must be a whole number from 0 to " + MAX_DAYS + ", not " + days);
        }
        if (hours < 0 || hours > 23) {
            throw new InputRefused("hours", "must be a whole number from 0 to 23, not " + hours);
        }
        Duration by = Duration.ofDays(days).plusHours(hours);
        ClockUtil.offset(clock.now().plus(by).toEpochMilli() - System.currentTimeMillis());
        JobExecutor jobs = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getJobExecutor();
        if (jobs != null) {
            jobs.jobWasAdded(); // wake the executor now instead of at its next idle poll
        }
        return now();
    }
}
