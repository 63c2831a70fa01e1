package com.collectiondesk.ledger;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** What the ledger takes in, with its columns; all columns are required except the optional ones. */
public enum RecordKind {
    CUSTOMERS(List.of("customer_id", "name", "phone", "email", "language", "country", "time_zone", "address",
            "sms_opt_out", "email_opt_out", "voice_opt_out", "ceased_communication", "debtor_kind",
            "legal_entity", "credit_limit"),
            List.of("phone", "email", "time_zone", "sms_opt_out", "email_opt_out", "voice_opt_out", "ceased_communication",
                    "debtor_kind", "legal_entity", "credit_limit")),
    CONTRACTS(List.of("contract_id", "customer_id", "product_type", "legal_entity"), List.of("legal_entity")),
    /** {@code hold_*}: the ERP's hold on the invoice (module hold); a blank reason in a file that has the column lifts it. */
    INVOICES(List.of("invoice_number", "customer_id", "contract_id", "issue_date", "due_date", "amount", "currency",
            "legal_entity", "hold_reason", "hold_ends_on", "hold_note"),
            List.of("contract_id", "legal_entity", "hold_reason", "hold_ends_on", "hold_note")),
    PAYMENTS(List.of("payment_id", "customer_id", "invoice_number", "amount", "currency", "paid_on"),
            List.of("invoice_number")),
    /** The ERP's own interest and fees on an invoice, so the ledger shows them and charges no interest twice. */
    CHARGES(List.of("charge_id", "invoice_number", "kind", "amount", "currency", "period_from", "period_to", "rate", "basis",
            "rule"), List.of("period_from", "period_to", "rate", "basis", "rule"));

    private final List<String> columns;
    private final List<String> optional;

    RecordKind(List<String> columns, List<String> optional) {
        this.columns = columns;
        this.optional = optional;
    }

    public List<String> columns() {
        return columns;
    }

    /** Columns a file's header must have; optional columns may be left out of the header altogether. */
    public List<String> requiredColumns() {
        return columns.stream().filter(column -> !optional.contains(column)).toList();
    }

    public static Optional<RecordKind> fromPath(String name) {
        for (RecordKind kind : values()) {
            if (kind.name().toLowerCase(Locale.ROOT).equals(name)) {
                return Optional.of(kind);
            }
        }
        return Optional.empty();
    }
}
