package com.collectiondesk.ledger;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A generated portfolio whose payment behaviour depends on a hidden risk {@code r} (uniform 0–1, seeded), for the
 * strategy lab's score benchmark and its simulation: each month an invoice of 100.00, due 30 days after issue; it is
 * paid on time with probability 1 − 0.9 r, else late by an exponential number of days (mean 3 + 45 r), and never with
 * probability 0.005 + 0.12 r³. Customers joined 1 to 24 months before the scoring day; invoices are issued until the
 * horizon. Kept in memory; {@link #writeTo} puts it in an empty database of this schema (a private one: never the
 * service's own, its rows are not an import).
 */
public final class GeneratedLedger {

    public static final BigDecimal INVOICE_AMOUNT = new BigDecimal("100.00");
    /** The score's benchmark scores on this day and knows the ledger up to 60 days after it. */
    public static final LocalDate SCORING_DAY = LocalDate.of(2026, 6, 30);
    public static final LocalDate HORIZON = SCORING_DAY.plusDays(60);

    /** One invoice; {@code paidOn} null for never. */
    public record GeneratedInvoice(long pk, LocalDate issued, LocalDate due, LocalDate paidOn) {

        /** Still open at the end of {@code day} (paid after it or never). */
        public boolean openOn(LocalDate day) {
            return paidOn == null || paidOn.isAfter(day);
        }
    }

    /** A customer's hidden risk and invoices, oldest first. */
    public record GeneratedCustomer(long pk, double hiddenRisk, List<GeneratedInvoice> invoices) {

        /** The open invoices due before {@code day}, oldest first: what a ticket on that day would chase. */
        public List<GeneratedInvoice> overdueOn(LocalDate day) {
            return invoices.stream().filter(invoice -> invoice.due().isBefore(day) && invoice.openOn(day)).toList();
        }

        /** Days past due of the oldest overdue invoice on {@code day}, 0 for none. */
        public int daysPastDueOn(LocalDate day) {
            List<GeneratedInvoice> overdue = overdueOn(day);
            return overdue.isEmpty() ? 0 : (int) ChronoUnit.DAYS.between(overdue.get(0).due(), day);
        }
    }

    private final LocalDate scoringDay;
    private final LocalDate horizon;
    private final List<GeneratedCustomer> customers;

    private GeneratedLedger(LocalDate scoringDay, LocalDate horizon, List<GeneratedCustomer> customers) {
        this.scoringDay = scoringDay;
        this.horizon = horizon;
        this.customers = customers;
    }

    /** Customers 1..{@code count}; the same seed gives the same ledger. */
    public static GeneratedLedger generate(int count, long seed, LocalDate scoringDay, LocalDate horizon) {
        Random random = new Random(seed);
        List<GeneratedCustomer> customers = new ArrayList<>(count);
        long invoicePk = 0;
        for (long c = 1; c <= count; c++) {
            double risk = random.nextDouble();
            List<GeneratedInvoice> invoices = new ArrayList<>();
            LocalDate issue = scoringDay.minusDays(30L * (1 + random.nextInt(24)));
            for (; !issue.isAfter(horizon); issue = issue.plusDays(30)) {
                LocalDate due = issue.plusDays(30);
                invoices.add(new GeneratedInvoice(++invoicePk, issue, due, paidOn(random, risk, due)));
            }
            customers.add(new GeneratedCustomer(c, risk, List.copyOf(invoices)));
        }
        return new GeneratedLedger(scoringDay, horizon, List.copyOf(customers));
    }

    /** The day the invoice is paid, or null for never. */
    private static LocalDate paidOn(Random random, double risk, LocalDate due) {
        if (random.nextDouble() < 0.005 + 0.12 * risk * risk * risk) {
            return null;
        }
        if (random.nextDouble() >= 0.9 * risk) {
            return due.minusDays(random.nextInt(10));
        }
        double meanDaysLate = 3 + 45 * risk;
        return due.plusDays(1 + (long) (-meanDaysLate * Math.log(1 - random.nextDouble())));
    }

    public LocalDate scoringDay() {
        return scoringDay;
    }

    public List<GeneratedCustomer> customers() {
        return customers;
    }

    /** Customers, contracts (CONSUMER_LOAN), invoices and the payments up to the horizon, in batches. */
    public void writeTo(JdbcTemplate jdbc) {
        Timestamp now = Timestamp.from(Instant.now());
        List<Object[]> customerRows = new ArrayList<>(), contractRows = new ArrayList<>(), invoiceRows = new ArrayList<>(),
                paymentRows = new ArrayList<>(), allocationRows = new ArrayList<>();
        for (GeneratedCustomer customer : customers) {
            long c = customer.pk();
            customerRows.add(new Object[] {c, "GEN-" + c, "Customer " + c, "en", "BG", "Europe/Sofia", "Street " + c, now, now});
            contractRows.add(new Object[] {c, "GEN-K-" + c, c, "CONSUMER_LOAN", now, now});
            for (GeneratedInvoice invoice : customer.invoices()) {
                boolean openAtHorizon = invoice.openOn(horizon);
                long i = invoice.pk();
                invoiceRows.add(new Object[] {i, "GEN-I-" + i, c, c, Date.valueOf(invoice.issued()), Date.valueOf(invoice.due()),
                        INVOICE_AMOUNT, openAtHorizon ? INVOICE_AMOUNT : BigDecimal.ZERO, openAtHorizon ? "OPEN" : "PAID", now, now});
                if (!openAtHorizon) {
                    paymentRows.add(new Object[] {i, "GEN-P-" + i, c, INVOICE_AMOUNT, Date.valueOf(invoice.paidOn()), now});
                    allocationRows.add(new Object[] {i, i, i, INVOICE_AMOUNT, now, Date.valueOf(invoice.paidOn())});
                }
            }
        }
        jdbc.batchUpdate("insert into customer (id, customer_id, name, language, country, time_zone, address, created_at,"
                + " updated_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)", customerRows);
        jdbc.batchUpdate("insert into contract (id, contract_id, customer_fk, product_type, created_at, updated_at)"
                + " values (?, ?, ?, ?, ?, ?)", contractRows);
        jdbc.batchUpdate("insert into invoice (id, invoice_number, customer_fk, contract_fk, issue_date, due_date, amount,"
                + " open_amount, currency, status, created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?, 'EUR', ?, ?, ?)",
                invoiceRows);
        jdbc.batchUpdate("insert into payment (id, payment_id, customer_fk, amount, unallocated_amount, currency, paid_on,"
                + " created_at) values (?, ?, ?, ?, 0, 'EUR', ?, ?)", paymentRows);
        jdbc.batchUpdate("insert into payment_allocation (id, payment_fk, invoice_fk, amount, allocated_at, paid_on)"
                + " values (?, ?, ?, ?, ?, ?)", allocationRows);
    }
}
