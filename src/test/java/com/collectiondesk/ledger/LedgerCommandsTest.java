package com.collectiondesk.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.collectiondesk.erp.ErpConnector;
import com.collectiondesk.ledger.LedgerCommands.Cancellation;
import com.collectiondesk.ledger.LedgerCommands.ErpAlignment;
import com.collectiondesk.ledger.LedgerCommands.ErpOpenAmount;
import com.collectiondesk.support.IntegrationTest;
import com.collectiondesk.support.ledger.Debtors;
import com.collectiondesk.support.ledger.Invoices;
import com.collectiondesk.support.ledger.Payments;
import com.collectiondesk.system.BusinessClock;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The ledger's write API, each command on a stored ledger: what it stores, what it refuses, and the event it
 * publishes. The data comes in through the same API (the shared builders), as every other test's does.
 */
@IntegrationTest
@RecordApplicationEvents
class LedgerCommandsTest {

    @Autowired LedgerCommands ledger;
    @Autowired LedgerQueries queries;
    @Autowired CustomerRepository customers;
    @Autowired InvoiceRepository invoices;
    @Autowired PaymentRepository payments;
    @Autowired PaymentAllocationRepository allocations;
    @Autowired InvoiceCancellationRepository cancellations;
    @Autowired BusinessClock clock;
    @Autowired TransactionTemplate transaction;
    @Autowired ApplicationContext context;
    @Autowired ApplicationEvents events;
    /** The same overrides as the ticket process tests, so this class reuses their Spring context. */
    @MockitoSpyBean ErpConnector erp;

    Debtors debtors;
    Invoices invoiceBuilder;
    Payments paymentBuilder;
    LocalDate today;

    @BeforeEach
    void builders() {
        debtors = Debtors.of(context);
        invoiceBuilder = Invoices.of(context);
        paymentBuilder = Payments.of(context);
        today = clock.today();
    }

    @Test
    void aWriteOffMarksTheInvoicesOnceAndLeavesTheirMoneyOpen() {
        Customer debtor = debtors.debtor().book();
        Invoice older = invoice(debtor, "100.00", 20);
        Invoice newer = invoice(debtor, "50.00", 5);
        Instant first = Instant.parse("2026-03-02T10:00:00Z");

        ledger.writeOff(List.of(older.getId(), newer.getId()), first);
        ledger.writeOff(List.of(older.getId()), first.plus(1, ChronoUnit.DAYS));

        assertThat(stored(older).getWrittenOffAt()).isEqualTo(first);
        assertThat(stored(newer).getWrittenOffAt()).isEqualTo(first);
        assertThat(stored(older).getOpenAmount()).isEqualByComparingTo("100.00");
        assertThat(stored(older).getStatus()).isEqualTo(InvoiceStatus.OPEN);
    }

    @Test
    void aCancellationTakesTheNewestOpenInvoiceFirstAndKeepsEachWithItsDayAndReason() {
        Customer debtor = debtors.debtor().book();
        Invoice older = invoice(debtor, "100.00", 20);
        Invoice newer = invoice(debtor, "50.00", 5);
        Invoice paid = invoice(debtor, "10.00", 1);
        paymentBuilder.payment(debtor).forInvoice(paid.getInvoiceNumber()).amount("10.00").paidOn(today).book();

        List<Cancellation> cancelled = ledger.cancelNewestFirst(List.of(older.getId(), newer.getId(), paid.getId()),
                new BigDecimal("120.00"), "Dispute upheld on T-1");

        assertThat(cancelled).extracting(Cancellation::invoiceNumber, c -> c.amount().toPlainString())
                .containsExactly(org.assertj.core.groups.Tuple.tuple(newer.getInvoiceNumber(), "50.00"),
                        org.assertj.core.groups.Tuple.tuple(older.getInvoiceNumber(), "70.00"));
        assertThat(stored(newer).getOpenAmount()).isEqualByComparingTo("0");
        assertThat(stored(newer).getStatus()).isEqualTo(InvoiceStatus.CANCELLED);
        assertThat(stored(older).getOpenAmount()).isEqualByComparingTo("30.00");
        assertThat(stored(older).getCancelledAmount()).isEqualByComparingTo("70.00");
        List<InvoiceCancellation> kept = transaction.execute(s -> cancellations.findByInvoiceOrderByCancelledAtAsc(stored(older)));
        assertThat(kept).singleElement().satisfies(c -> {
            assertThat(c.getAmount()).isEqualByComparingTo("70.00");
            assertThat(c.getCancelledOn()).isEqualTo(today);
            assertThat(c.getReason()).isEqualTo("Dispute upheld on T-1");
        });
        assertThat(ledger.cancelNewestFirst(List.of(), new BigDecimal("5.00"), "nothing")).isEmpty();
    }

    @Test
    void theErpsOpenAmountsOnlyLowerTheLedgersAndUnknownInvoicesAreOnlyCounted() {
        Customer debtor = debtors.debtor().book();
        Invoice paidInErp = invoice(debtor, "200.00", 10);
        Invoice moreOpenInErp = invoice(debtor, "80.00", 10);
        Invoice missingAmount = invoice(debtor, "40.00", 10);

        ErpAlignment alignment = ledger.applyErpOpenAmounts(List.of(
                new ErpOpenAmount(paidInErp.getInvoiceNumber(), new BigDecimal("30.00")),
                new ErpOpenAmount(moreOpenInErp.getInvoiceNumber(), new BigDecimal("95.00")),
                new ErpOpenAmount(missingAmount.getInvoiceNumber(), null),
                new ErpOpenAmount("NOT-IN-THE-LEDGER", BigDecimal.ZERO)));

        assertThat(alignment).isEqualTo(new ErpAlignment(2, 1));
        assertThat(stored(paidInErp).getOpenAmount()).isEqualByComparingTo("30.00");
        assertThat(stored(paidInErp).getStatus()).isEqualTo(InvoiceStatus.PARTIALLY_PAID);
        assertThat(stored(moreOpenInErp).getOpenAmount()).isEqualByComparingTo("80.00");
        assertThat(stored(missingAmount).getOpenAmount()).isEqualByComparingTo("0");
        List<PaymentAllocation> moved = transaction.execute(s -> allocations.findByCustomer(customers.findById(debtor.getId()).orElseThrow()));
        assertThat(moved).as("no payment moved: the ERP was paid").isEmpty();
    }

    @Test
    void aPaymentPaysTheReferencedInvoiceThenTheOldestKeepsTheRestAsCreditAndPublishesPaymentBooked() {
        Customer debtor = debtors.debtor().book();
        Invoice oldest = invoice(debtor, "100.00", 30);
        Invoice referenced = invoice(debtor, "100.00", 5);

        PaymentBooked booked = ledger.bookPayment("P-" + debtor.getCustomerId(), debtor.getCustomerId(),
                referenced.getInvoiceNumber(), new BigDecimal("250.00"), "EUR", today);

        assertThat(booked).isEqualTo(new PaymentBooked(debtor.getId(), debtor.getCustomerId(), "P-" + debtor.getCustomerId(),
                booked.amount(), "EUR"));
        assertThat(booked.amount()).isEqualByComparingTo("250.00");
        assertThat(events.stream(PaymentBooked.class)).containsExactly(booked);
        assertThat(stored(referenced).getStatus()).isEqualTo(InvoiceStatus.PAID);
        assertThat(stored(oldest).getStatus()).isEqualTo(InvoiceStatus.PAID);
        Payment payment = payments.findByPaymentId(booked.paymentId()).orElseThrow();
        assertThat(payment.getUnallocatedAmount()).isEqualByComparingTo("50.00");
        List<String> order = transaction.execute(s -> allocations.findByPayment(payment).stream()
                .map(a -> a.getInvoice().getInvoiceNumber() + " " + a.getAmount().toPlainString()).toList());
        assertThat(order).containsExactly(referenced.getInvoiceNumber() + " 100.00", oldest.getInvoiceNumber() + " 100.00");

        Invoice later = invoice(debtor, "70.00", 1);
        assertThat(stored(later).getOpenAmount()).as("the credit pays an invoice booked later").isEqualByComparingTo("20.00");
        assertThat(payments.findByPaymentId(booked.paymentId()).orElseThrow().getUnallocatedAmount()).isEqualByComparingTo("0");
    }

    @Test
    void aPaymentTheImportWouldRefuseIsRefusedNamingTheFieldAndNothingIsBookedOrPublished() {
        Customer debtor = debtors.debtor().book();
        Invoice open = invoice(debtor, "100.00", 10);

        assertThatThrownBy(() -> ledger.bookPayment("P-X-" + debtor.getCustomerId(), debtor.getCustomerId(), "NO-SUCH-INVOICE",
                new BigDecimal("10.00"), "EUR", today))
                .hasMessageContaining("invoice_number").hasMessageContaining("no invoice 'NO-SUCH-INVOICE'");
        assertThatThrownBy(() -> ledger.bookPayment("P-Y-" + debtor.getCustomerId(), debtor.getCustomerId(), null,
                new BigDecimal("10.00"), "EUR", today.plusDays(1)))
                .hasMessageContaining("paid_on").hasMessageContaining("is in the future");

        assertThat(payments.findByPaymentId("P-X-" + debtor.getCustomerId())).isEmpty();
        assertThat(payments.findByPaymentId("P-Y-" + debtor.getCustomerId())).isEmpty();
        assertThat(stored(open).getOpenAmount()).isEqualByComparingTo("100.00");
        assertThat(events.stream(PaymentBooked.class)).isEmpty();
    }

    @Test
    void theDebtorsOwnOptOutsCountFromTheFirstAndNoImportUndoesThem() {
        Customer debtor = debtors.debtor().book();
        Instant stop = Instant.parse("2026-03-02T10:00:00Z");

        ledger.stopSms(debtor.getId(), stop);
        ledger.stopSms(debtor.getId(), stop.plusSeconds(60));
        ledger.unsubscribeEmail(debtor.getId(), stop.plusSeconds(5));
        ledger.unsubscribeEmail(debtor.getId(), stop.plusSeconds(120));
        ledger.record(RecordKind.CUSTOMERS, Map.of("customer_id", debtor.getCustomerId(), "name", "Ivana Petrova",
                "language", "en", "country", "BG", "address", "1 Vitosha Blvd, Sofia", "phone", "+359888123456",
                "sms_opt_out", "false", "email_opt_out", "false"));

        LedgerQueries.DebtorFacts facts = queries.debtor(debtor.getId());
        assertThat(facts.smsStoppedAt()).isEqualTo(stop);
        assertThat(facts.emailUnsubscribedAt()).isEqualTo(stop.plusSeconds(5));
        assertThat(facts.refusesSms()).isTrue();
        assertThat(facts.refusesEmail()).isTrue();
        assertThat(facts.smsOptOut()).as("the ERP's own flag is apart").isFalse();
        assertThat(facts.voiceOptOut()).isFalse();
    }

    @Test
    void theRiskScoreIsStoredAndReadBack() {
        Customer debtor = debtors.debtor().riskScore(85).book();
        assertThat(queries.debtor(debtor.getId()).riskScore()).isEqualTo(85);
        ledger.recordRiskScore(debtor.getId(), null);
        assertThat(queries.debtor(debtor.getId()).riskScore()).isNull();
    }

    @Test
    void theDebtorsLockIsTakenOnlyInsideTheCallersTransaction() {
        Customer debtor = debtors.debtor().book();

        assertThatThrownBy(() -> ledger.lockDebtor(debtor.getId())).isInstanceOf(IllegalTransactionStateException.class);
        transaction.executeWithoutResult(s -> ledger.lockDebtor(debtor.getId()));
    }

    private Invoice invoice(Customer debtor, String amount, int daysOverdue) {
        return invoiceBuilder.invoice(debtor).amount(amount).due(today.minusDays(daysOverdue)).book();
    }

    private Invoice stored(Invoice invoice) {
        return invoices.findById(invoice.getId()).orElseThrow();
    }
}
