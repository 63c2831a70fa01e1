package com.collectiondesk.ledger;

import java.math.BigDecimal;

/**
 * Published (Spring application event, inside the booking transaction) after a payment was stored and
 * allocated, whether it came from a CSV import, the API or the ERP. Tickets listen to it to update or close.
 */
public record PaymentBooked(Long customerPk, String customerId, String paymentId, BigDecimal amount, String currency) {
}
