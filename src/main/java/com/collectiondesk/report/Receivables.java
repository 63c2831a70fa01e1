package com.collectiondesk.report;

/**
 * SQL fragments that decide what counts as a receivable, shared by aging, DSO and CEI: every invoice issued
 * by the day, less what payments made by then allocated to it and what was cancelled on it by then, except
 * invoices of tickets written off by then. Computed as what is open now plus what payments and cancellations made
 * after the day took off, so paid-up history is never read.
 * Unapplied payments (credit) are not receivables and are ignored. Which invoices are open, and what took money off
 * them on which day, the ledger states in its views (rv_open_invoice, rv_invoice_taken_off; V60, V64).
 */
final class Receivables {

    /** Invoice {@code i} was not written off before {@code :writtenOffBefore}. */
    static final String NOT_WRITTEN_OFF = " " + notWrittenOffBy("writtenOffBefore") + " ";

    /** The same test for day {@code d} of several, in one pass: {@code :end<d>} is the end of that day. */
    static String notWrittenOffBy(String endParameter) {
        return "(i.written_off_at is null or i.written_off_at >= :" + endParameter + ")";
    }

    private Receivables() {
    }
}
