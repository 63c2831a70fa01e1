package com.collectiondesk.erp;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/** A ticket event for the ERP; see docs/erp-contract.md. */
public record TicketNotice(String type, String ticketNumber, String customerId, String currency,
                           BigDecimal amount, LocalDate date, String detail, Instant at) {
}
