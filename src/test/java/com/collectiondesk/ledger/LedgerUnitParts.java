package com.collectiondesk.ledger;

import static org.mockito.Mockito.mock;

import java.math.BigDecimal;

/** For unit tests outside the ledger: its API on mocked repositories, and invoices that never touch a database. */
public final class LedgerUnitParts {

    private LedgerUnitParts() {
    }

    /** The ledger's commands reading invoices from the given (mocked) repository. */
    public static LedgerCommands commandsOn(InvoiceRepository invoices) {
        return new LedgerCommands(mock(SingleRecords.class), mock(CustomerRepository.class), invoices,
                mock(PaymentRepository.class), mock(InvoiceCancellations.class), mock(InterestAccrual.class),
                mock(InterestRates.class), mock(ChargeRepository.class), mock(InterestFreezes.class), mock(ChargePushes.class), mock(FlatCompensation.class),
                mock(org.springframework.context.ApplicationEventPublisher.class),
                mock(com.collectiondesk.system.BusinessClock.class));
    }

    /** An unpaid invoice of the amount, in memory. */
    public static Invoice invoice(String number, String amount) {
        Invoice invoice = new Invoice(number);
        invoice.changeAmount(new BigDecimal(amount));
        return invoice;
    }
}
