package com.collectiondesk.report;

import com.collectiondesk.security.AllowedGroups;
import com.collectiondesk.security.CurrentUser;
import com.collectiondesk.security.Groups;
import io.swagger.v3.oas.annotations.Operation;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/reports/*} for managers and analysts, each as JSON or CSV; collectors may read their own line of
 * the activities report only. Definitions of every figure: the README, "Reports and dashboard".
 */
@RestController
@RequestMapping("/api/reports")
@AllowedGroups({Groups.MANAGERS, Groups.ANALYSTS})
class ReportsApi {

    private final TicketSummaryReport tickets;
    private final ActivitiesReport activities;
    private final AgingReport aging;
    private final KpiReport kpis;
    private final CashForecastReport cashForecast;
    private final VariantKpis variants;
    private final BucketSnapshots snapshots;
    private final BusinessCalendar calendar;
    private final ReportResponses responses;
    private final CurrentUser currentUser;
    private final EntityFilter entities;

    ReportsApi(TicketSummaryReport tickets, ActivitiesReport activities, AgingReport aging, KpiReport kpis,
               CashForecastReport cashForecast, VariantKpis variants, BucketSnapshots snapshots, BusinessCalendar calendar,
               ReportResponses responses, CurrentUser currentUser, EntityFilter entities) {
        this.entities = entities;
        this.tickets = tickets;
        this.activities = activities;
        this.aging = aging;
        this.kpis = kpis;
        this.cashForecast = cashForecast;
        this.variants = variants;
        this.snapshots = snapshots;
        this.calendar = calendar;
        this.responses = responses;
        this.currentUser = currentUser;
    }

    /** Open tickets (or those opened from..to) per any combination of status, owner, productType, bucket, segment. */
    @Operation(summary = "Ticket summary: open tickets (or those opened from..to) grouped by status, owner, productType, bucket,"
            + " segment or legalEntity, of one legal entity or all the user may see; JSON or CSV")
    @GetMapping("/tickets")
    ResponseEntity<String> tickets(@RequestParam(required = false) String groupBy,
                                   @RequestParam(required = false) String legalEntity,
                                   @RequestParam(required = false) String from, @RequestParam(required = false) String to,
                                   @RequestParam(required = false) String format,
                                   @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept) {
        boolean csv = responses.wantsCsv(format, accept);
        List<String> dimensions = ReportParameters.choices("groupBy", groupBy,
                List.copyOf(TicketSummaryReport.DIMENSIONS.keySet()), TicketSummaryReport.DIMENSIONS.size());
        LocalDate fromDate = ReportParameters.date("from", from, null);
        LocalDate toDate = ReportParameters.date("to", to, null);
        if (fromDate == null && toDate != null) {
            throw new BadReportParameter("from", "Parameter 'from' is needed with 'to'.");
        }
        if (fromDate != null) {
            toDate = toDate == null ? calendar.today() : toDate;
            ReportParameters.ordered(fromDate, toDate);
        }
        return responses.render(tickets.run(dimensions, fromDate, toDate, entities.entities(legalEntity)), csv);
    }

    /** Per collector; a collector who is neither manager nor analyst sees their own line only. */
    @Operation(summary = "Collector activity per collector and period: calls, outcomes, promises; a collector sees only their own line,"
            + " a user limited to legal entities only their tickets' figures")
    @GetMapping("/activities")
    @AllowedGroups({Groups.MANAGERS, Groups.ANALYSTS, Groups.COLLECTORS})
    ResponseEntity<String> activities(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
                                      @RequestParam(required = false) String collector,
                                      @RequestParam(required = false) String legalEntity,
                                      @RequestParam(required = false) String format,
                                      @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept) {
        boolean csv = responses.wantsCsv(format, accept);
        Period period = period(from, to);
        String only = collector == null || collector.isBlank() ? null : collector.trim();
        if (!currentUser.isMemberOfAny(Groups.MANAGERS, Groups.ANALYSTS)) {
            String me = currentUser.userId().orElseThrow();
            if (only != null && !only.equals(me)) {
                throw BadReportParameter.forbidden("collector", "Collectors may see their own activities only.");
            }
            only = me;
        }
        return responses.render(activities.run(period, only, entities.coverage(legalEntity)), csv);
    }

    @Operation(summary = "Aging of overdue money per DPD bucket (and groupBy, e.g. legalEntity) as of a day, per currency,"
            + " of one legal entity or all the user may see")
    @GetMapping("/aging")
    ResponseEntity<String> aging(@RequestParam(required = false) String asOf, @RequestParam(required = false) String groupBy,
                                 @RequestParam(required = false) String legalEntity,
                                 @RequestParam(required = false) String limit,
                                 @RequestParam(required = false) String format,
                                 @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept) {
        boolean csv = responses.wantsCsv(format, accept);
        LocalDate day = ReportParameters.date("asOf", asOf, calendar.today());
        List<String> grouping = ReportParameters.choices("groupBy", groupBy, AgingReport.GROUPINGS, 1);
        int customers = ReportParameters.integer("limit", limit, AgingReport.DEFAULT_CUSTOMER_LIMIT, 1, 1_000_000);
        return responses.render(aging.run(day, grouping.isEmpty() ? null : grouping.get(0), customers,
                entities.entities(legalEntity)), csv);
    }

    /** The period defaults to the current calendar month. */
    @Operation(summary = "Collection KPIs for a period (default: this month): collection rate, promise-kept rate, recovery;"
            + " of one legal entity or all the user may see")
    @GetMapping("/kpis")
    ResponseEntity<String> kpis(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
                                @RequestParam(required = false) String legalEntity,
                                @RequestParam(required = false) String format,
                                @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept) {
        boolean csv = responses.wantsCsv(format, accept);
        return responses.render(kpis.run(period(from, to), entities.coverage(legalEntity)), csv);
    }

    @Operation(summary = "Cash expected in the next days: pending promises, weighted by how often promises are kept;"
            + " of one legal entity or all the user may see")
    @GetMapping("/cash-forecast")
    ResponseEntity<String> cashForecast(@RequestParam(required = false) String days,
                                        @RequestParam(required = false) String legalEntity,
                                        @RequestParam(required = false) String format,
                                        @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept) {
        boolean csv = responses.wantsCsv(format, accept);
        return responses.render(cashForecast.run(ReportParameters.integer("days", days, 30, 1, 366), entities.coverage(legalEntity)), csv);
    }

    /** Every ticket with a recorded variant, or those opened from..to. */
    @Operation(summary = "Champion vs challenger: per variant collection rate at 30/60/90 days, cure rate, recovery time, contacts and their cost, promise-kept rate; Wilson intervals, two-proportion z-test p-values, 'not enough data yet' below the minimum sample")
    @GetMapping("/variants")
    ResponseEntity<String> variants(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
                                    @RequestParam(required = false) String legalEntity,
                                    @RequestParam(required = false) String format,
                                    @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept) {
        boolean csv = responses.wantsCsv(format, accept);
        LocalDate fromDate = ReportParameters.date("from", from, null);
        LocalDate toDate = ReportParameters.date("to", to, null);
        if (fromDate != null && toDate != null) {
            ReportParameters.ordered(fromDate, toDate);
        }
        return responses.render(variants.run(fromDate, toDate, entities.coverage(legalEntity)), csv);
    }

    /** Takes today's (or asOf's) bucket snapshot now, if that day has none yet. */
    @Operation(summary = "Take today's (or asOf's) bucket snapshot now, if that day has none yet (managers)")
    @PostMapping("/bucket-snapshots")
    @AllowedGroups(Groups.MANAGERS)
    ResponseEntity<String> takeSnapshot(@RequestParam(required = false) String asOf) {
        LocalDate day = ReportParameters.date("asOf", asOf, calendar.today());
        int rows = snapshots.take(day);
        return responses.render(ReportTable.named("bucket-snapshot").parameter("asOf", day)
                .row(new LinkedHashMap<>(Map.of("tickets", rows))).build(), false);
    }

    private Period period(String from, String to) {
        LocalDate end = ReportParameters.date("to", to, null);
        LocalDate start = ReportParameters.date("from", from, end == null ? calendar.monthStart() : end.withDayOfMonth(1));
        if (end == null) {
            end = from == null ? calendar.monthEnd() : start.plusMonths(1).minusDays(1);
        }
        ReportParameters.ordered(start, end);
        return new Period(start, end);
    }
}
