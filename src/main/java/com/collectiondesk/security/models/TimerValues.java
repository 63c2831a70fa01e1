package com.collectiondesk.security.models;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Pattern;
import javax.xml.datatype.DatatypeConfigurationException;
import javax.xml.datatype.DatatypeFactory;

/**
 * What a timer may hold: an ISO-8601 literal (date, duration, repeating interval), a cron literal in a
 * cycle, or exactly one variable ({@code ${stepDueAt}}). Anything else could compute the time with code,
 * and a start event's timer is evaluated at deployment.
 */
final class TimerValues {

    private static final Pattern REPEAT = Pattern.compile("R\\d*");
    /** Quartz-style cron as Camunda takes it in timeCycle: six or seven fields of cron characters. */
    private static final Pattern CRON = Pattern.compile("[0-9A-Za-z*?/,#LW-]+(\\s+[0-9A-Za-z*?/,#LW-]+){5,6}");
    private static final DatatypeFactory DURATIONS;

    static {
        try {
            DURATIONS = DatatypeFactory.newInstance();
        } catch (DatatypeConfigurationException e) {
            throw new IllegalStateException(e);
        }
    }

    private TimerValues() {
    }

    static void check(String kind, String value, ExpressionNames names) throws NotAllowed {
        String text = value.trim();
        if (JuelSubset.containsExpression(text)) {
            JuelSubset.Parsed parsed = JuelSubset.parse(text);
            String sole = parsed.isOneEvaluation() ? parsed.evaluations().get(0).soleReference() : null;
            if (sole == null) {
                throw new NotAllowed("a timer may hold an ISO-8601 value or one variable, as ${dueAt}");
            }
            names.checkReference(sole);
            return;
        }
        boolean valid = switch (kind) {
            case "timeDate" -> isDate(text);
            case "timeDuration" -> isDuration(text);
            default -> isCycle(text);
        };
        if (!valid) {
            throw new NotAllowed("'" + text + "' is not an ISO-8601 " + (kind.equals("timeDate") ? "date" : kind.equals("timeDuration") ? "duration" : "cycle"));
        }
    }

    private static boolean isCycle(String text) {
        if (CRON.matcher(text).matches()) {
            return true;
        }
        String[] parts = text.split("/", -1);
        if (parts.length < 2 || parts.length > 3 || !REPEAT.matcher(parts[0]).matches()) {
            return false;
        }
        for (int i = 1; i < parts.length; i++) {
            if (!isDate(parts[i]) && !isDuration(parts[i])) {
                return false;
            }
        }
        return true;
    }

    private static boolean isDate(String text) {
        for (Function<String, ?> parser : List.<Function<String, ?>>of(OffsetDateTime::parse, LocalDateTime::parse, LocalDate::parse)) {
            try {
                parser.apply(text);
                return true;
            } catch (DateTimeParseException notThisForm) {
                // try the next form
            }
        }
        return false;
    }

    private static boolean isDuration(String text) {
        try {
            DURATIONS.newDuration(text);
            return text.startsWith("P");
        } catch (IllegalArgumentException | UnsupportedOperationException notDuration) {
            return false;
        }
    }
}
