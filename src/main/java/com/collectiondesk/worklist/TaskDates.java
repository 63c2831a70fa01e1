package com.collectiondesk.worklist;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;

/** Due and follow-up dates: the end of a day in a zone, and business days (Monday to Friday). */
final class TaskDates {

    private static final LocalTime END_OF_DAY = LocalTime.of(23, 59, 59);

    private TaskDates() {
    }

    static Instant endOfDay(LocalDate day, ZoneId zone) {
        return day.atTime(END_OF_DAY).atZone(zone).toInstant();
    }

    static Instant startOfDay(LocalDate day, ZoneId zone) {
        return day.atStartOfDay(zone).toInstant();
    }

    static LocalDate plusBusinessDays(LocalDate day, int businessDays) {
        LocalDate result = day;
        int added = 0;
        while (added < businessDays) {
            result = result.plusDays(1);
            if (isBusinessDay(result)) {
                added++;
            }
        }
        return result;
    }

    static boolean isBusinessDay(LocalDate day) {
        return day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY;
    }
}
