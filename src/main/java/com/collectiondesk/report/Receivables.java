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

    /**
     * Left-join target {@code w}: when each written-off invoice was written off, so one pass over the invoices can
     * tell for several days whether an invoice still counted ({@code w.written_off_at is null or >= day end}).
     */
    static final String WRITTEN_OFF_AT = " left join (select wi.invoice_fk, min(wt.closed_at) as written_off_at"
            + " from ticket_invoice wi join ticket wt on wt.id = wi.ticket_fk where wt.close_reason = 'WRITTEN_OFF'"
            + " group by wi.invoice_fk) w on w.invoice_fk = i.id ";

    private Receivables() {
    }
}
