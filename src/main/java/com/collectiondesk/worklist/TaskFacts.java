package com.collectiondesk.worklist;

import com.collectiondesk.ledger.LedgerQueries;
import com.collectiondesk.promise.PromiseService;
import com.collectiondesk.system.BusinessClock;
import com.collectiondesk.ticket.Ticket;
import com.collectiondesk.ticket.TicketEvent;
import com.collectiondesk.ticket.Timeline;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.spin.Spin;
import org.camunda.spin.plugin.variable.SpinValues;
import org.camunda.spin.plugin.variable.value.JsonValue;
import org.springframework.stereotype.Component;

/** The richer facts the forms show: overdue invoices as a table, the open promise, a timeline summary. */
@Component
class TaskFacts {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final int TIMELINE_LINES = 12;
    private static final int DETAILS_CHARACTERS = 160;

    private final PromiseService promises;
    private final Timeline timeline;
    private final BusinessClock clock;
    private final LedgerQueries ledger;

    TaskFacts(PromiseService promises, Timeline timeline, BusinessClock clock, LedgerQueries ledger) {
        this.promises = promises;
        this.timeline = timeline;
        this.clock = clock;
        this.ledger = ledger;
    }

    /** One row per overdue invoice with money open, oldest first (a JSON list: the form's table reads it). */
    JsonValue overdueInvoices(Ticket ticket) {
        LocalDate today = clock.today();
        List<Map<String, Object>> rows = ledger.overdueAmong(ticket.getInvoicePks(), today).stream()
                .map(invoice -> {
                    Map<String, Object> row = new LinkedHashMap<>();
                    row.put("invoice", invoice.invoiceNumber());
                    row.put("dueDate", invoice.dueDate().toString());
                    row.put("dpd", ChronoUnit.DAYS.between(invoice.dueDate(), today));
                    row.put("openAmount", invoice.openAmount().toPlainString() + " " + invoice.currency());
                    return row;
                })
                .toList();
        return SpinValues.jsonValue(Spin.JSON(rows)).create();
    }

    String openPromise(Ticket ticket) {
        return promises.pendingOn(ticket.getId())
                .map(promise -> promise.getAmount().toPlainString() + " " + ticket.getCurrency() + " by "
                        + promise.getPromisedDate() + (promise.getAuthor() == null ? "" : " (taken by " + promise.getAuthor() + ")"))
                .orElse("None");
    }

    /** The latest timeline lines, newest last, short enough for a task variable. */
    String timelineSummary(Ticket ticket) {
        List<TicketEvent> events = timeline.of(ticket);
        return events.subList(Math.max(0, events.size() - TIMELINE_LINES), events.size()).stream()
                .map(event -> WHEN.format(event.getAt().atZone(ZoneOffset.UTC)) + " UTC  " + event.getType()
                        + (event.getDetails() == null ? "" : "  " + shorten(event.getDetails())))
                .collect(Collectors.joining("\n"));
    }

    private static String shorten(String details) {
        return details.length() <= DETAILS_CHARACTERS ? details : details.substring(0, DETAILS_CHARACTERS - 1) + "…";
    }
}
