package com.collectiondesk.ledger;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;

/** What the customer and payment APIs answer (camelCase names of the CSV columns). */
public final class LedgerViews {

    private LedgerViews() {
    }

    public record CustomerView(String customerId, String name, String phone, String email, String language, String country,
                        String timeZone, String address, boolean smsOptOut, boolean emailOptOut, boolean voiceOptOut,
                        boolean ceasedCommunication, Instant smsStoppedAt, Instant emailUnsubscribedAt, LocalDate asOf,
                        int daysPastDue, List<BalanceView> balances, List<ContractView> contracts,
                        List<InvoiceView> invoices, List<PaymentView> payments) {
    }

    /** Per currency: what is open, what of it is overdue, and unspent credit. */
    public record BalanceView(String currency, BigDecimal openAmount, BigDecimal overdueAmount, BigDecimal credit) {
    }

    public record ContractView(String contractId, String productType) {
    }

    public record InvoiceView(String invoiceNumber, String contractId, LocalDate issueDate, LocalDate dueDate, BigDecimal amount,
                       BigDecimal openAmount, BigDecimal cancelledAmount, String currency, InvoiceStatus status,
                       int daysPastDue) {

        static InvoiceView of(Invoice invoice, LocalDate asOf) {
            return new InvoiceView(invoice.getInvoiceNumber(),
                    invoice.getContract() == null ? null : invoice.getContract().getContractId(), invoice.getIssueDate(),
                    invoice.getDueDate(), invoice.getAmount(), invoice.getOpenAmount(), invoice.getCancelledAmount(),
                    invoice.getCurrency(),
                    invoice.getStatus(), LedgerViews.daysPastDue(invoice, asOf));
        }
    }

    public record PaymentView(String paymentId, String customerId, String invoiceNumber, BigDecimal amount, String currency,
                       LocalDate paidOn, BigDecimal unallocatedAmount, List<AllocationView> allocations) {
    }

    public record AllocationView(String invoiceNumber, BigDecimal amount) {
    }

    static int daysPastDue(Invoice invoice, LocalDate asOf) {
        return invoice.isOverdueOn(asOf) ? (int) ChronoUnit.DAYS.between(invoice.getDueDate(), asOf) : 0;
    }
}
