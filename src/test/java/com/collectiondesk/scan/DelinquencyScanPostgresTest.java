package com.collectiondesk.scan;

import static org.assertj.core.api.Assertions.assertThat;

import com.collectiondesk.ledger.Contract;
import com.collectiondesk.ledger.Customer;
import com.collectiondesk.ledger.Invoice;
import com.collectiondesk.ledger.InvoiceRepository;
import com.collectiondesk.support.IntegrationTest;
import com.collectiondesk.support.LedgerFixture;
import com.collectiondesk.support.PostgresInitializer;
import com.collectiondesk.support.TestUsers;
import com.collectiondesk.support.TicketProcessTestBase;
import com.collectiondesk.ticket.CloseReason;
import com.collectiondesk.ticket.Ticket;
import com.collectiondesk.ticket.TicketRepository;
import com.collectiondesk.ticket.TicketStatus;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.Date;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.transaction.support.TransactionTemplate;

/** The scan on real PostgreSQL over a portfolio with one customer of every kind. */
@IntegrationTest
@ContextConfiguration(initializers = PostgresInitializer.class)
class DelinquencyScanPostgresTest {

    static final LocalDate TODAY = TicketProcessTestBase.TODAY;

    @Autowired TestRestTemplate http;
    @Autowired ProcessEngine engine;
    @Autowired ScanService scans;
    @Autowired TicketRepository tickets;
    @Autowired InvoiceRepository invoices;
    @Autowired TransactionTemplate transaction;
    @Autowired org.springframework.jdbc.core.JdbcTemplate jdbc;
    LedgerFixture ledger;

    @Autowired
    void ledgerFixture(org.springframework.context.ApplicationContext context) {
        ledger = LedgerFixture.of(context);
    }

    @BeforeEach
    void clock() {
        ClockUtil.setCurrentTime(Date.from(TicketProcessTestBase.MONDAY_MORNING));
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void theScanOpensRefreshesClosesAndSkipsAndCountsEach() {
        Customer withTicket = ledger.customer(400);
        Contract lease = ledger.contract(withTicket, "LEASING");
        ledger.invoice(withTicket, lease, "400.00", TODAY.minusDays(40));
        Customer paidUp = ledger.customer(400);
        Invoice paidUpInvoice = ledger.invoice(paidUp, ledger.contract(paidUp, "UTILITY"), "80.00", TODAY.minusDays(20));
        ScanRun earlier = runScan(scans.start(TODAY.minusDays(10), "test").getId());
        assertThat(earlier.getOpened()).isEqualTo(2);

        Customer current = ledger.customer(100);
        ledger.invoice(current, ledger.contract(current, "UTILITY"), "90.00", TODAY.plusDays(5));
        Customer oneDay = ledger.customer(100);
        ledger.invoice(oneDay, ledger.contract(oneDay, "TELECOM"), "25.00", TODAY.minusDays(1));
        Customer underTolerance = ledger.customer(100);
        ledger.invoice(underTolerance, ledger.contract(underTolerance, "UTILITY"), "4.99", TODAY.minusDays(45));
        Customer fortyFive = ledger.customer(100);
        ledger.invoice(fortyFive, ledger.contract(fortyFive, "CREDIT_CARD"), "500.00", TODAY.minusDays(45));
        Customer deep = ledger.customer(100);
        ledger.invoice(deep, ledger.contract(deep, "CONSUMER_LOAN"), "1000.00", TODAY.minusDays(130));
        ledger.invoice(withTicket, lease, "150.00", TODAY.minusDays(3));
        // the ERP settled it without a payment booking (no PaymentBooked): only the scan notices
        ledger.settledInErp(paidUpInvoice);

        ResponseEntity<JsonNode> started = http.withBasicAuth(TestUsers.ADMIN, TestUsers.ADMIN_PASSWORD)
                .postForEntity("/api/scans?asOf=" + TODAY, null, JsonNode.class);
        assertThat(started.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        long scanId = started.getBody().get("id").asLong();
        assertThat(started.getBody().get("state").asText()).isEqualTo("STARTED");
        runScan(scanId);

        JsonNode scan = http.withBasicAuth(TestUsers.ADMIN, TestUsers.ADMIN_PASSWORD)
                .getForObject("/api/scans/" + scanId, JsonNode.class);
        assertThat(scan.get("state").asText()).isEqualTo("COMPLETED");
        assertThat(scan.get("opened").asInt()).as("1 DPD, 45 DPD above tolerance, 130 DPD").isEqualTo(3);
        assertThat(scan.get("refreshed").asInt()).as("the customer with an open ticket").isEqualTo(1);
        assertThat(scan.get("closed").asInt()).as("the paid-up ticket").isEqualTo(1);
        assertThat(scan.get("skipped").asInt()).as("45 DPD under tolerance").isEqualTo(1);

        assertThat(openTicketOf(current)).isNull();
        assertThat(openTicketOf(underTolerance)).isNull();
        assertThat(openTicketOf(oneDay).getBucket()).isEqualTo("1-30");
        assertThat(openTicketOf(fortyFive).getBucket()).isEqualTo("31-60");
        Ticket deepTicket = openTicketOf(deep);
        assertThat(deepTicket.getBucket()).isEqualTo("120+");
        assertThat(deepTicket.getMaxDpd()).isEqualTo(130);
        assertThat(deepTicket.getProductType()).isEqualTo("CONSUMER_LOAN");
        Ticket refreshed = openTicketOf(withTicket);
        assertThat(refreshed.getOverdueAmount()).isEqualByComparingTo("550.00");
        assertThat(refreshed.getMaxDpd()).isEqualTo(40);
        assertThat(refreshed.getBucket()).isEqualTo("31-60");
        JsonNode detail = http.withBasicAuth(TestUsers.ADMIN, TestUsers.ADMIN_PASSWORD)
                .getForObject("/api/tickets/" + refreshed.getTicketNumber(), JsonNode.class);
        assertThat(detail.get("invoices")).hasSize(2);
        Ticket closed = transaction.execute(s -> tickets.findAll().stream()
                .filter(t -> t.getCustomerPk().equals(paidUp.getId())).findFirst().orElseThrow());
        assertThat(closed.getStatus()).isEqualTo(TicketStatus.CLOSED);
        assertThat(closed.getCloseReason()).isEqualTo(CloseReason.PAID);
        for (Customer opened : new Customer[] {oneDay, fortyFive, deep}) {
            assertThat(engine.getRuntimeService().createProcessInstanceQuery()
                    .processInstanceBusinessKey(openTicketOf(opened).getTicketNumber()).count()).isEqualTo(1);
        }
    }

    @Test
    void aScanRetriedAfterItsChunksWereCommittedStartsEveryTicketsProcessOnce() {
        Customer debtor = ledger.customer(100);
        ledger.invoice(debtor, ledger.contract(debtor, "CONSUMER_LOAN"), "210.00", TODAY.minusDays(15));
        long scanId = scans.start(TODAY, "test").getId();

        ScanJobs.runScanFailingAtTheEnd(engine, jdbc, scanId);

        String ticketNumber = openTicketOf(debtor).getTicketNumber();
        assertThat(processesOf(ticketNumber)).as("opened, its process not started yet").isZero();
        ScanRun retried = runScan(scanId);
        assertThat(retried.getState()).isEqualTo(ScanRun.State.COMPLETED);
        assertThat(openTicketOf(debtor).getTicketNumber()).isEqualTo(ticketNumber);
        assertThat(processesOf(ticketNumber)).isEqualTo(1);
        runScan(scans.start(TODAY, "test").getId());
        assertThat(processesOf(ticketNumber)).as("the next scan starts none again").isEqualTo(1);
        // the other test counts every ticket in this shared database: this one's debtor leaves the portfolio
        jdbc.update("update invoice set open_amount = 0, status = 'PAID' where customer_fk = ?", debtor.getId());
        jdbc.update("update ticket set status = 'CLOSED', close_reason = 'PAID' where customer_fk = ?", debtor.getId());
    }

    private long processesOf(String ticketNumber) {
        return engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(ticketNumber).count();
    }

    private ScanRun runScan(long scanId) {
        ScanJobs.runToEnd(engine, scanId);
        return scans.get(scanId);
    }

    private Ticket openTicketOf(Customer customer) {
        return transaction.execute(s -> tickets.findOpenByCustomer(customer.getId()).stream().findFirst()
                .orElse(null));
    }
}
