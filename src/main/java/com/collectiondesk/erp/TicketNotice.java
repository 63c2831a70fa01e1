package com.collectiondesk.erp;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * A ticket event for the ERP; see the README, "ERP connector". {@code eventId} is stable across retries so the ERP
 * can ignore a repeated delivery.
 */
public record TicketNotice(String eventId, String type, String ticketNumber, String customerId, String currency,
                           BigDecimal amount, LocalDate date, String detail, Instant at) {
}
