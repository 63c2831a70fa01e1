package com.collectiondesk.report;

/**
 * SQL fragments that decide what counts as a receivable, shared by aging, DSO and CEI: every invoice issued
 * by the day, less what payments made by then allocated to it, except invoices of tickets written off by then.
 * Unapplied payments (credit) are not receivables and are ignored.
 */
final class Receivables {

    /** Invoice {@code i} was not written off before {@code :writtenOffBefore}. */
    static final String NOT_WRITTEN_OFF = " not exists (select 1 from ticket_invoice wi join ticket wt on wt.id = wi.ticket_fk"
            + " where wi.invoice_fk = i.id and wt.close_reason = 'WRITTEN_OFF' and wt.closed_at < :writtenOffBefore) ";

    private Receivables() {
    }
}
