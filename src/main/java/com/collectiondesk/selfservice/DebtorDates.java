package com.collectiondesk.selfservice;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Locale;
import java.util.Optional;

/**
 * A date as the debtor gives it: what a browser's date picker sends ({@code 2026-03-09}), or, where the browser shows a
 * plain text box, as the debtor writes a date: {@code 9.3.2026} (de, ro, bg), {@code 9/3/2026} (en), {@code 3/9/2026}
 * (United States). The fields' hint shows an example the same way.
 */
final class DebtorDates {

    private DebtorDates() {
    }

    static Optional<LocalDate> parse(String text, Locale locale) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        for (DateTimeFormatter format : new DateTimeFormatter[] {DateTimeFormatter.ISO_LOCAL_DATE, typed(locale, false)}) {
            try {
                return Optional.of(LocalDate.parse(text.strip(), format));
            } catch (DateTimeParseException e) {
                // the next way of writing it
            }
        }
        return Optional.empty();
    }

    /** {@code 09.03.2026}, {@code 09/03/2026}, {@code 03/09/2026}. */
    static String example(LocalDate day, Locale locale) {
        return typed(locale, true).format(day);
    }

    private static DateTimeFormatter typed(Locale locale, boolean padded) {
        String day = padded ? "dd" : "d";
        String month = padded ? "MM" : "M";
        String pattern = "US".equals(locale.getCountry()) ? month + "/" + day + "/uuuu"
                : "en".equals(locale.getLanguage()) ? day + "/" + month + "/uuuu" : day + "." + month + ".uuuu";
        return DateTimeFormatter.ofPattern(pattern, Locale.ROOT).withResolverStyle(ResolverStyle.STRICT);
    }
}
