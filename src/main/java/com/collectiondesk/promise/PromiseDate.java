package com.collectiondesk.promise;

import com.collectiondesk.errors.InputRefused;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Date;

/**
 * The one reader of a promise date as a call form or the engine REST API submits it: a date, Camunda Forms' date
 * picker value (an ISO date, or a date-time whose date part counts), or a Java {@link Date} at midnight UTC.
 * Whether the date is allowed (from today, how far ahead) is the caller's rule, not the parser's.
 */
public final class PromiseDate {

    private PromiseDate() {
    }

    /** @throws InputRefused naming {@code field} when nothing usable was submitted */
    public static LocalDate parse(String field, Object submitted) {
        if (submitted instanceof LocalDate date) {
            return date;
        }
        if (submitted instanceof Date date) {
            return LocalDate.ofInstant(date.toInstant(), ZoneOffset.UTC);
        }
        if (submitted instanceof String text && !text.isBlank()) {
            String day = text.strip();
            try {
                return LocalDate.parse(day.substring(0, Math.min(10, day.length())));
            } catch (DateTimeParseException e) {
                throw new InputRefused(field, "not a date (yyyy-mm-dd): " + text);
            }
        }
        throw new InputRefused(field, "a promise needs a date");
    }
}
