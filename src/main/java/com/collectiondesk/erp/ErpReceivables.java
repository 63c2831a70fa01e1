package com.collectiondesk.erp;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** One customer's open items as the ERP reports them (GET /customers/{customerId}/receivables). */
public record ErpReceivables(String customerId, List<ErpInvoice> invoices, List<ErpPayment> payments) {

    /**
     * {@code holdReason}: the ERP's hold on the invoice (as the import's {@code hold_reason}); null says nothing, an
     * empty string lifts the ERP's hold. Dates as text, so a bad one refuses that hold, not the whole answer.
     */
    public record ErpInvoice(String invoiceNumber, String contractId, LocalDate issueDate, LocalDate dueDate,
                             BigDecimal amount, BigDecimal openAmount, String currency, String holdReason,
                             String holdEndsOn, String holdNote) {

        public ErpInvoice(String invoiceNumber, String contractId, LocalDate issueDate, LocalDate dueDate,
                          BigDecimal amount, BigDecimal openAmount, String currency) {
            this(invoiceNumber, contractId, issueDate, dueDate, amount, openAmount, currency, null, null, null);
        }
    }

    public record ErpPayment(String paymentId, String invoiceNumber, BigDecimal amount, String currency, LocalDate paidOn) {
    }

    public List<ErpInvoice> invoices() {
        return invoices == null ? List.of() : invoices;
    }

    public List<ErpPayment> payments() {
        return payments == null ? List.of() : payments;
    }
}
