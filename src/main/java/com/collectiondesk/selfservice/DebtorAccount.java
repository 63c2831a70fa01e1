package com.collectiondesk.selfservice;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Currency;
import java.util.List;
import java.util.Locale;

/**
 * What the page shows of the link's ticket: name and total at once, the invoices and address only after the factor;
 * {@code promised} while a promise is pending (the page then takes no second one).
 */
record DebtorAccount(String ticketNumber, long ticketId, String customerId, String name, String language, Locale locale,
                     String currency, BigDecimal totalDue, String address, String segment, boolean promised,
                     List<Invoice> invoices) {

    /** {@code disputed}: the debtor's open dispute contests this invoice, so its money is out of the total due. */
    record Invoice(String number, LocalDate dueDate, BigDecimal openAmount, boolean disputed) {

        Invoice(String number, LocalDate dueDate, BigDecimal openAmount) {
            this(number, dueDate, openAmount, false);
        }
    }

    boolean nothingDue() {
        return totalDue.signum() <= 0;
    }

    /** Money as the debtor reads it: {@code €300.00}, {@code 300,00 €}. */
    String money(BigDecimal amount) {
        NumberFormat format = NumberFormat.getCurrencyInstance(locale);
        format.setCurrency(Currency.getInstance(currency));
        return format.format(amount).replace('\u00a0', ' ').replace('\u202f', ' ');
    }

    /** An amount as the debtor types it back into a field: {@code 300.00}, {@code 300,00} (no currency, no grouping). */
    String plain(BigDecimal amount) {
        NumberFormat format = NumberFormat.getNumberInstance(locale);
        format.setGroupingUsed(false);
        format.setMinimumFractionDigits(2);
        format.setMaximumFractionDigits(2);
        return format.format(amount);
    }

    String date(LocalDate date) {
        return DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale).format(date);
    }

    /** The same account read in another of the page's languages (the switcher). */
    DebtorAccount in(String otherLanguage) {
        Locale other = locale.getCountry().isEmpty() ? Locale.forLanguageTag(otherLanguage) : new Locale(otherLanguage, locale.getCountry());
        return new DebtorAccount(ticketNumber, ticketId, customerId, name, otherLanguage, other, currency, totalDue, address,
                segment, promised, invoices);
    }
}
