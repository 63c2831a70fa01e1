package com.collectiondesk.selfservice;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * A plan's instalments: the total split into equal monthly parts from the first date (cents rounded down; the last
 * instalment takes the rest), each with the cumulative amount the ticket's payments must reach by its due date.
 */
record PlanSchedule(BigDecimal total, String currency, LocalDate firstDate, List<Instalment> instalments) {

    record Instalment(int number, LocalDate dueDate, BigDecimal amount, BigDecimal cumulative) {
    }

    static PlanSchedule of(BigDecimal total, String currency, int count, LocalDate firstDate) {
        BigDecimal part = total.divide(BigDecimal.valueOf(count), 2, RoundingMode.DOWN);
        List<Instalment> instalments = new ArrayList<>();
        BigDecimal cumulative = BigDecimal.ZERO;
        for (int number = 1; number <= count; number++) {
            BigDecimal amount = number == count ? total.subtract(cumulative) : part;
            cumulative = cumulative.add(amount);
            instalments.add(new Instalment(number, firstDate.plusMonths(number - 1L), amount, cumulative));
        }
        return new PlanSchedule(total, currency, firstDate, List.copyOf(instalments));
    }

    BigDecimal smallestInstalment() {
        return instalments.stream().map(Instalment::amount).min(BigDecimal::compareTo).orElseThrow();
    }

    LocalDate lastDate() {
        return instalments.get(instalments.size() - 1).dueDate();
    }
}
