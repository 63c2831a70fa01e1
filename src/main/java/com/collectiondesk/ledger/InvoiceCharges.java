package com.collectiondesk.ledger;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * An invoice's charges as a dunning document lists them: each interest segment (its annual rate in percent, the
 * days it covers and the principal it ran on) and each fee, oldest first, and what payments already settled of them.
 */
public record InvoiceCharges(Long invoicePk, List<Line> lines, BigDecimal paid) {

    /** One charge; {@code rate}, {@code from}, {@code to} and {@code basis} are null for a fee. */
    public record Line(ChargeKind kind, BigDecimal rate, LocalDate from, LocalDate to, BigDecimal basis,
                       BigDecimal amount) {
    }

    /** None: an invoice without interest or fees. */
    public static InvoiceCharges none(Long invoicePk) {
        return new InvoiceCharges(invoicePk, List.of(), BigDecimal.ZERO.setScale(2));
    }

    /** What of the charges is still open, never below zero. */
    public BigDecimal open() {
        return lines.stream().map(Line::amount).reduce(BigDecimal.ZERO, BigDecimal::add).subtract(paid)
                .max(BigDecimal.ZERO).setScale(2);
    }
}
