package com.collectiondesk.support.browser;

import com.collectiondesk.ledger.Contract;
import com.collectiondesk.ledger.Customer;
import com.collectiondesk.support.LedgerFixture;
import com.collectiondesk.support.TicketDriver;
import java.time.LocalDate;
import java.time.ZoneId;
import org.springframework.context.ApplicationContext;

/** Tickets for browser tests, dated in the machine's zone: the browser shows the debtor's days in it. */
public final class BrowserTickets {

    private BrowserTickets() {
    }

    /** An English-speaking debtor's ticket, 200.00 overdue for 20 days and 100.00 for 5: its first call falls due today. */
    public static String openCallable(ApplicationContext context) {
        LocalDate today = LocalDate.now(ZoneId.systemDefault());
        LedgerFixture ledger = LedgerFixture.of(context);
        Customer debtor = ledger.change(ledger.customer(500), stored -> stored.timeZone(ZoneId.systemDefault().getId()).language("en"));
        Contract loan = ledger.contract(debtor, "CONSUMER_LOAN");
        ledger.invoice(debtor, loan, "200.00", today.minusDays(20));
        ledger.invoice(debtor, loan, "100.00", today.minusDays(5));
        return TicketDriver.of(context).open(debtor.getId(), today);
    }
}
