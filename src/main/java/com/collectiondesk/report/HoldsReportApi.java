package com.collectiondesk.report;

import com.collectiondesk.security.AllowedGroups;
import com.collectiondesk.security.Groups;
import io.swagger.v3.oas.annotations.Operation;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The holds report, as the other reports: JSON or CSV, managers and analysts. */
@RestController
@RequestMapping("/api/reports")
@AllowedGroups({Groups.MANAGERS, Groups.ANALYSTS})
class HoldsReportApi {

    private final HoldsReport holds;
    private final BusinessCalendar calendar;
    private final ReportResponses responses;
    private final EntityFilter entities;

    HoldsReportApi(HoldsReport holds, BusinessCalendar calendar, ReportResponses responses, EntityFilter entities) {
        this.entities = entities;
        this.holds = holds;
        this.calendar = calendar;
        this.responses = responses;
    }

    @Operation(summary = "Holds per reason as of a day (default today): open holds and their average days so far, ended holds and their average length; of one legal entity or all the user may see; JSON or CSV")
    @GetMapping("/holds")
    ResponseEntity<String> holds(@RequestParam(required = false) String asOf, @RequestParam(required = false) String legalEntity,
                                 @RequestParam(required = false) String format,
                                 @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept) {
        boolean csv = responses.wantsCsv(format, accept);
        return responses.render(holds.run(ReportParameters.date("asOf", asOf, calendar.today()), entities.coverage(legalEntity)), csv);
    }
}
