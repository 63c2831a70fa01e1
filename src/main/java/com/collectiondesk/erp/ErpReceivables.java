package com.collectiondesk.erp;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** One customer's open items as the ERP reports them (GET /customers/{customerId}/receivables). */
public record ErpReceivables(String customerId, List<ErpInvoice> invoices, List<ErpPayment> payments) {

    public record ErpInvoice(String invoiceNumber, String contractId, LocalDate issueDate, LocalDate dueDate,
                             BigDecimal amount, BigDecimal openAmount, String currency) {
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
