package com.collectiondesk.ticket;

import java.time.LocalDate;
import java.util.List;
import org.springframework.stereotype.Component;

/** Readable, unique ticket numbers such as {@code T-2026-000123}, drawn from a database sequence. */
@Component
class TicketNumbers {

    private final TicketRows rows;

    TicketNumbers(TicketRows rows) {
        this.rows = rows;
    }

    /** {@code count} new numbers in one statement. */
    List<String> next(LocalDate openedOn, int count) {
        return rows.nextValues("ticket_number_seq", count).stream()
                .map(value -> String.format("T-%d-%06d", openedOn.getYear(), value)).toList();
    }
}
