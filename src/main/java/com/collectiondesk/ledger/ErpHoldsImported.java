package com.collectiondesk.ledger;

import java.time.LocalDate;
import java.util.List;

/**
 * Published (inside the import's chunk transaction) for the invoice rows that carried the {@code hold_reason} column:
 * the ERP's hold on each invoice as it stands now. The hold module places, changes or lifts its ERP holds to match.
 */
public record ErpHoldsImported(List<InvoiceHold> holds) {

    /** {@code reason} null: the ERP holds the invoice no more; {@code endsOn} null: open-ended. */
    public record InvoiceHold(Long invoicePk, Long customerPk, String invoiceNumber, HoldReason reason, LocalDate endsOn,
                              String note) {
    }
}
