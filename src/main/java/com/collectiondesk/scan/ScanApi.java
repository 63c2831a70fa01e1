package com.collectiondesk.scan;

import com.collectiondesk.security.AllowedGroups;
import com.collectiondesk.security.CurrentUser;
import com.collectiondesk.security.Groups;
import io.swagger.v3.oas.annotations.Operation;
import java.net.URI;
import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Starts the delinquency scan on demand (it also runs every morning) and reports on each run. */
@RestController
@RequestMapping("/api/scans")
@AllowedGroups({Groups.MANAGERS, Groups.ERP_INTEGRATION, Groups.CAMUNDA_ADMIN})
class ScanApi {

    private final ScanService scans;
    private final CurrentUser currentUser;

    ScanApi(ScanService scans, CurrentUser currentUser) {
        this.scans = scans;
        this.currentUser = currentUser;
    }

    /** {@code failed}: customers the scan skipped because it could not process them, listed at {@code problems}. */
    record ScanView(Long id, LocalDate asOf, String startedBy, ScanRun.State state, int opened, int refreshed,
                    int closed, int skipped, int failed, String problems, java.time.Instant startedAt,
                    java.time.Instant finishedAt) {
        static ScanView of(ScanRun run) {
            return new ScanView(run.getId(), run.getAsOf(), run.getStartedBy(), run.getState(), run.getOpened(),
                    run.getRefreshed(), run.getClosed(), run.getSkipped(), run.getFailed(),
                    "/api/scans/" + run.getId() + "/problems", run.getStartedAt(), run.getFinishedAt());
        }
    }

    /** 202: the scan runs in the background; poll the Location. */
    @Operation(summary = "Start the delinquency scan for today or a past asOf date; 202 with the scan's Location")
    @PostMapping
    ResponseEntity<ScanView> start(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf) {
        ScanRun run = scans.start(asOf, currentUser.userId().orElse("api"));
        return ResponseEntity.accepted().location(URI.create("/api/scans/" + run.getId())).body(ScanView.of(run));
    }

    @Operation(summary = "A scan's state and counts: opened, refreshed, closed, skipped, failed")
    @GetMapping("/{id}")
    @AllowedGroups({Groups.MANAGERS, Groups.ERP_INTEGRATION, Groups.ANALYSTS, Groups.CAMUNDA_ADMIN})
    ScanView get(@PathVariable Long id) {
        return ScanView.of(scans.get(id));
    }

    @Operation(summary = "The customers a scan skipped, with currency and reason")
    @GetMapping("/{id}/problems")
    @AllowedGroups({Groups.MANAGERS, Groups.ERP_INTEGRATION, Groups.ANALYSTS, Groups.CAMUNDA_ADMIN})
    java.util.List<ScanProblem> problems(@PathVariable Long id) {
        return scans.problems(id);
    }
}
