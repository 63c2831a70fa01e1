package com.collectiondesk.ledger;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * What a debtor's invoices owe in charges: the fees, and the interest of the days before a payment's day (a payment
 * settles the interest that has run until it arrived), less what payments already settled of each.
 */
@Component
class ChargesDue {

    private static final BigDecimal ZERO = BigDecimal.ZERO.setScale(2);

    /** One invoice's fees and interest still open. */
    record Due(Invoice invoice, BigDecimal fees, BigDecimal interest) {
    }

    private final ChargeRepository charges;
    private final ChargeAllocationRepository allocations;

    ChargesDue(ChargeRepository charges, ChargeAllocationRepository allocations) {
        this.charges = charges;
        this.allocations = allocations;
    }

    /** The customer's invoices in a currency with charges open for a payment made on {@code day}, oldest first. */
    List<Due> on(Customer customer, String currency, LocalDate day) {
        Map<Invoice, BigDecimal[]> owed = new LinkedHashMap<>();
        for (Charge charge : charges.findByCustomer(customer)) {
            if (charge.getCurrency().equals(currency)) {
                BigDecimal[] sums = owed.computeIfAbsent(charge.getInvoice(), i -> new BigDecimal[] {ZERO, ZERO});
                int slot = charge.getKind() == ChargeKind.FEE ? 0 : 1;
                sums[slot] = sums[slot].add(charge.getKind() == ChargeKind.FEE ? charge.getAmount() : interestBefore(charge, day));
            }
        }
        for (ChargeAllocation paid : allocations.findByCustomer(customer)) {
            BigDecimal[] sums = owed.get(paid.getInvoice());
            if (sums != null) {
                int slot = paid.getKind() == ChargeKind.FEE ? 0 : 1;
                sums[slot] = sums[slot].subtract(paid.getAmount());
            }
        }
        List<Due> due = new ArrayList<>();
        owed.forEach((invoice, sums) -> {
            if (sums[0].signum() > 0 || sums[1].signum() > 0) {
                due.add(new Due(invoice, sums[0].max(ZERO), sums[1].max(ZERO)));
            }
        });
        due.sort(Comparator.comparing((Due d) -> d.invoice().getDueDate()).thenComparing(d -> d.invoice().getInvoiceNumber()));
        return due;
    }

    /** Per invoice (primary key): all its charges less what payments settled of them, never below zero. */
    Map<Long, BigDecimal> open(List<Charge> charged, List<ChargeAllocation> paid) {
        Map<Long, BigDecimal> open = new HashMap<>();
        charged.forEach(c -> open.merge(c.getInvoice().getId(), c.getAmount(), BigDecimal::add));
        paid.forEach(a -> open.computeIfPresent(a.getInvoice().getId(), (pk, sum) -> sum.subtract(a.getAmount())));
        open.replaceAll((pk, sum) -> sum.max(ZERO));
        return open;
    }

    /**
     * The interest of the charge's days before {@code day}: all of it when its period ended before; of our segment
     * running on, its days so far at the same formula as the accrual's SQL; the ERP's when its period began before.
     */
    static BigDecimal interestBefore(Charge charge, LocalDate day) {
        if (charge.getPeriodTo() == null || charge.getPeriodTo().isBefore(day)) {
            return charge.getAmount();
        }
        if (!charge.getPeriodFrom().isBefore(day)) {
            return ZERO;
        }
        if (charge.getSource() == ChargeSource.ERP || charge.getBasis() == null || charge.getRate() == null) {
            return charge.getAmount();
        }
        long days = ChronoUnit.DAYS.between(charge.getPeriodFrom(), day);
        int yearDays = "ACT/360".equals(charge.getDayCount()) ? 360 : 365;
        return charge.getBasis().multiply(charge.getRate()).multiply(BigDecimal.valueOf(days))
                .divide(BigDecimal.valueOf(100L * yearDays), 2, RoundingMode.HALF_UP);
    }
}
