package com.collectiondesk.worklist;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** The digest's texts: a collector's overdue and due-today lists, a team lead's overdue count per collector. */
final class DigestMails {

    record Mail(String subject, String body) {
    }

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private DigestMails() {
    }

    static Mail collector(List<OpenTask> overdue, List<OpenTask> dueToday, int open, ZoneId zone) {
        String subject = "Collection Desk: " + overdue.size() + " overdue, " + dueToday.size() + " due today";
        String body = "Your open tasks: " + open + ".\n\n"
                + section("Overdue (" + overdue.size() + ")", overdue, zone) + "\n"
                + section("Due today (" + dueToday.size() + ")", dueToday, zone)
                + "\nOpen Tasklist and use the filter \"My tasks\".\n";
        return new Mail(subject, body);
    }

    static Mail teamLead(Map<String, Long> overdueByCollector) {
        long total = overdueByCollector.values().stream().mapToLong(Long::longValue).sum();
        String lines = overdueByCollector.entrySet().stream()
                .map(entry -> "  " + entry.getKey() + ": " + entry.getValue())
                .collect(Collectors.joining("\n"));
        return new Mail("Collection Desk: your team has " + total + " overdue tasks",
                "Overdue tasks in your team: " + total + ".\n" + lines + "\n");
    }

    private static String section(String title, List<OpenTask> tasks, ZoneId zone) {
        if (tasks.isEmpty()) {
            return title + ": none\n";
        }
        return title + ":\n" + tasks.stream()
                .map(task -> "  " + task.ticketNumber() + "  " + task.name() + "  due " + WHEN.format(task.due().atZone(zone)))
                .collect(Collectors.joining("\n")) + "\n";
    }
}
