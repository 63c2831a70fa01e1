package com.collectiondesk.report;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Parses and checks query parameters, naming the parameter in every refusal. */
final class ReportParameters {

    private ReportParameters() {
    }

    static LocalDate date(String name, String value, LocalDate fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return LocalDate.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw new BadReportParameter(name, "Parameter '" + name + "' must be a date like 2026-01-31, not '" + value + "'.");
        }
    }

    static void ordered(LocalDate from, LocalDate to) {
        if (from.isAfter(to)) {
            throw new BadReportParameter("from", "Parameter 'from' (" + from + ") must not be after 'to' (" + to + ").");
        }
    }

    static int integer(String name, String value, int fallback, int min, int max) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            int number = Integer.parseInt(value.trim());
            if (number >= min && number <= max) {
                return number;
            }
        } catch (NumberFormatException e) {
            // answered below with the allowed range
        }
        throw new BadReportParameter(name, "Parameter '" + name + "' must be a whole number from " + min + " to " + max
                + ", not '" + value + "'.");
    }

    /** A comma-separated list whose items must all be among {@code allowed}; order kept, duplicates refused. */
    static List<String> choices(String name, String value, List<String> allowed, int max) {
        if (value == null || value.isBlank()) {
            return List.of();
        }
        List<String> chosen = new ArrayList<>();
        for (String item : Arrays.stream(value.split(",")).map(String::trim).toList()) {
            if (!allowed.contains(item)) {
                throw new BadReportParameter(name, "Parameter '" + name + "' has the unknown value '" + item
                        + "'; allowed: " + String.join(", ", allowed) + ".");
            }
            if (chosen.contains(item)) {
                throw new BadReportParameter(name, "Parameter '" + name + "' names '" + item + "' twice.");
            }
            chosen.add(item);
        }
        if (chosen.size() > max) {
            throw new BadReportParameter(name, "Parameter '" + name + "' takes at most " + max + " value(s).");
        }
        return chosen;
    }
}
