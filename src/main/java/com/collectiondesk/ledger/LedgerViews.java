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
                        List<InvoiceView> invoices, List<PaymentView> payments, List<ChargeView> charges,
                        DebtorKind debtorKind, String legalEntity) {
    }

    /**
     * Per currency: what is open of the invoices' principal, what of it is overdue, the charges (interest, fees) open
     * on top, the total due (open principal plus open charges), and unspent credit.
     */
    public record BalanceView(String currency, BigDecimal openAmount, BigDecimal overdueAmount, BigDecimal chargesOpen,
                              BigDecimal totalDue, BigDecimal credit) {
    }

    /** Interest or a fee on an invoice, with what it ran on, its rate (percent a year) and the days it covers. */
    public record ChargeView(String invoiceNumber, ChargeKind kind, ChargeSource source, String rule, BigDecimal basis,
                             BigDecimal rate, String dayCount, LocalDate periodFrom, LocalDate periodTo, BigDecimal amount,
                             String currency) {

        static ChargeView of(Charge c) {
            return new ChargeView(c.getInvoice().getInvoiceNumber(), c.getKind(), c.getSource(), c.getRule(), c.getBasis(),
                    c.getRate(), c.getDayCount(), c.getPeriodFrom(), c.getPeriodTo(), c.getAmount(), c.getCurrency());
        }
    }

    public record ContractView(String contractId, String productType) {
    }

    public record InvoiceView(String invoiceNumber, String contractId, LocalDate issueDate, LocalDate dueDate, BigDecimal amount,
                       BigDecimal openAmount, BigDecimal cancelledAmount, String currency, InvoiceStatus status,
                       int daysPastDue, BigDecimal chargesOpen, BigDecimal totalDue) {

        static InvoiceView of(Invoice invoice, LocalDate asOf) {
            return of(invoice, asOf, BigDecimal.ZERO.setScale(2));
        }

        /** {@code chargesOpen}: the interest and fees still open on it; the total due is that plus the open principal. */
        static InvoiceView of(Invoice invoice, LocalDate asOf, BigDecimal chargesOpen) {
            return new InvoiceView(invoice.getInvoiceNumber(),
                    invoice.getContract() == null ? null : invoice.getContract().getContractId(), invoice.getIssueDate(),
                    invoice.getDueDate(), invoice.getAmount(), invoice.getOpenAmount(), invoice.getCancelledAmount(),
                    invoice.getCurrency(),
                    invoice.getStatus(), LedgerViews.daysPastDue(invoice, asOf), chargesOpen,
                    invoice.getOpenAmount().add(chargesOpen));
        }
    }

    public record PaymentView(String paymentId, String customerId, String invoiceNumber, BigDecimal amount, String currency,
                       LocalDate paidOn, BigDecimal unallocatedAmount, List<AllocationView> allocations) {
    }

    /** What a payment settled on one invoice: its principal, its interest or its fees. */
    public record AllocationView(String invoiceNumber, BigDecimal amount, AllocationPart part) {
    }

    static int daysPastDue(Invoice invoice, LocalDate asOf) {
        return invoice.isOverdueOn(asOf) ? (int) ChronoUnit.DAYS.between(invoice.getDueDate(), asOf) : 0;
    }
}
