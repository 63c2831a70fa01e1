package com.collectiondesk.scan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.collectiondesk.ledger.Contract;
import com.collectiondesk.ledger.Customer;
import com.collectiondesk.ledger.Invoice;
import com.collectiondesk.ledger.InvoiceRepository;
import com.collectiondesk.support.TestUsers;
import com.collectiondesk.support.TicketProcessTestBase;
import com.collectiondesk.ticket.CloseReason;
import com.collectiondesk.ticket.Ticket;
import com.collectiondesk.ticket.TicketStatus;
import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.concurrent.atomic.AtomicLong;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/** One customer the scan cannot work never stops the portfolio; a scan for a day after today is refused. */
class ScanIsolationTest extends TicketProcessTestBase {

    /** The largest amount an invoice column holds; two of them overflow the ticket's overdue amount. */
    static final String LARGEST_INVOICE = "99999999999999999.99";
    private static final AtomicLong SQL_IDS = new AtomicLong(9_000_000_000L);

    @Autowired TestRestTemplate http;
    @Autowired JdbcTemplate jdbc;
    @Autowired InvoiceRepository invoices;

    /** Later scans in this shared context must not meet this class's unworkable customers again. */
    @AfterEach
    void settleTheUnworkableInvoices() {
        jdbc.update("update invoice set open_amount = 0, status = 'PAID' where invoice_number like 'SQL-%'");
    }

    @Test
    void aCustomerWhoseOverdueSumOverflowsTheTicketIsSkippedWithItsReasonAndTheRestAreWorked() {
        Customer first = debtorWith("120.00");
        Customer overflowing = ledger.customer(100);
        Contract loan = ledger.contract(overflowing, "CONSUMER_LOAN");
        invoiceBypassingValidation(overflowing, loan, LARGEST_INVOICE);
        invoiceBypassingValidation(overflowing, loan, LARGEST_INVOICE);
        Customer second = debtorWith("80.00");
        Customer withTicket = debtorWith("60.00");
        String ticketNumber = open(withTicket).getBusinessKey();
        invoiceBypassingValidation(withTicket, ledger.contract(withTicket, "CONSUMER_LOAN"), LARGEST_INVOICE);
        invoiceBypassingValidation(withTicket, ledger.contract(withTicket, "CONSUMER_LOAN"), LARGEST_INVOICE);

        JsonNode scan = runScanThroughTheApi(TODAY);

        assertThat(scan.get("state").asText()).isEqualTo("COMPLETED");
        assertThat(scan.get("failed").asInt()).isEqualTo(2);
        assertThat(openTicketOf(first)).isNotNull();
        assertThat(openTicketOf(second)).isNotNull();
        assertThat(openTicketOf(overflowing)).isNull();
        Ticket untouched = tickets.findByTicketNumber(ticketNumber).orElseThrow();
        assertThat(untouched.getOverdueAmount()).as("the ticket keeps its last figures").isEqualByComparingTo("60.00");
        JsonNode problems = problemsOf(scan);
        assertThat(problems).hasSize(2);
        assertThat(problems.findValuesAsText("customerId"))
                .containsExactlyInAnyOrder(overflowing.getCustomerId(), withTicket.getCustomerId());
        for (JsonNode problem : problems) {
            assertThat(problem.get("currency").asText()).isEqualTo("EUR");
            assertThat(problem.get("reason").asText()).isEqualTo("overdue amount exceeds the ticket's limit of 99999999999999999.99");
            assertThat(problem.toString()).doesNotContain("Ivana", "Vitosha", "@example.com", "+359");
        }
    }

    @Test
    void aCustomerTheDatabaseRefusesIsSkippedAndTheChunkIsWorkedWithoutThem() {
        Customer first = debtorWith("120.00");
        Customer refused = ledger.customer(100);
        invoiceBypassingValidation(refused, ledger.contract(refused, "CONSUMER_LOAN"), "90.00");
        Customer second = debtorWith("80.00");
        // a real refusal at commit, as a value the column cannot hold would be, for this one customer only
        jdbc.execute("alter table ticket add constraint ck_test_refuses_one check (customer_fk <> " + refused.getId() + ")");
        JsonNode scan;
        try {
            scan = runScanThroughTheApi(TODAY);
        } finally {
            jdbc.execute("alter table ticket drop constraint ck_test_refuses_one");
        }

        assertThat(scan.get("state").asText()).isEqualTo("COMPLETED");
        assertThat(scan.get("failed").asInt()).isEqualTo(1);
        assertThat(openTicketOf(first)).isNotNull();
        assertThat(openTicketOf(second)).isNotNull();
        assertThat(openTicketOf(refused)).isNull();
        assertThat(engine.getRuntimeService().createProcessInstanceQuery()
                .processInstanceBusinessKey(openTicketOf(first).getTicketNumber()).count()).isEqualTo(1);
        JsonNode problems = problemsOf(scan);
        assertThat(problems).hasSize(1);
        assertThat(problems.get(0).get("customerId").asText()).isEqualTo(refused.getCustomerId());
        assertThat(problems.get(0).get("reason").asText())
                .isEqualTo("the database refused the ticket's values; the service log has the error");
    }

    @Test
    void aScanForADayAfterTodayIsRefusedNamingAsOfAndStartsNothing() {
        long runs = jdbc.queryForObject("select count(*) from scan_run", Long.class);
        long scanProcesses = engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey(ScanProcess.KEY).count();

        ResponseEntity<JsonNode> tomorrow = asAdmin().postForEntity("/api/scans?asOf=" + TODAY.plusDays(1), null, JsonNode.class);

        assertThat(tomorrow.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(tomorrow.getHeaders().getContentType()).hasToString("application/problem+json");
        assertThat(tomorrow.getBody().get("field").asText()).isEqualTo("asOf");
        assertThat(tomorrow.getBody().get("detail").asText())
                .isEqualTo("asOf: a scan runs for today (2026-03-02) or a past date, not 2026-03-03");
        assertThat(asAdmin().postForEntity("/api/scans?asOf=2999-12-31", null, JsonNode.class).getStatusCode())
                .isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(jdbc.queryForObject("select count(*) from scan_run", Long.class)).isEqualTo(runs);
        assertThat(engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey(ScanProcess.KEY).count())
                .isEqualTo(scanProcesses);
    }

    @Test
    void aScanForTodayOrAPastDayIsAcceptedAndRuns() {
        JsonNode today = runScanThroughTheApi(TODAY);
        JsonNode past = runScanThroughTheApi(TODAY.minusDays(30));

        assertThat(today.get("state").asText()).isEqualTo("COMPLETED");
        assertThat(past.get("state").asText()).isEqualTo("COMPLETED");
        assertThat(past.get("asOf").asText()).isEqualTo(TODAY.minusDays(30).toString());
    }

    @Test
    void aScanForAPastDayClosesWhatIsClearButNoTicketWhoseMoneyFellDueSince() {
        Customer fellDueSince = ledger.customer(100);
        ledger.invoice(fellDueSince, ledger.contract(fellDueSince, "CONSUMER_LOAN"), "150.00", TODAY.minusDays(5));
        String recentTicket = open(fellDueSince).getBusinessKey();
        Customer settled = ledger.customer(100);
        Invoice settledInvoice = ledger.invoice(settled, ledger.contract(settled, "UTILITY"), "70.00", TODAY.minusDays(20));
        String settledTicket = open(settled).getBusinessKey();
        // settled in the ERP without a payment booking: only the scan notices
        ledger.settledInErp(settledInvoice);

        JsonNode scan = runScanThroughTheApi(TODAY.minusDays(10));

        assertThat(scan.get("asOf").asText()).isEqualTo(TODAY.minusDays(10).toString());
        assertThat(tickets.findByTicketNumber(recentTicket).orElseThrow().getStatus()).isNotEqualTo(TicketStatus.CLOSED);
        Ticket closed = tickets.findByTicketNumber(settledTicket).orElseThrow();
        assertThat(closed.getStatus()).isEqualTo(TicketStatus.CLOSED);
        assertThat(closed.getCloseReason()).isEqualTo(CloseReason.PAID);
    }

    @Test
    void aScanRetriedAfterItsChunksWereCommittedStartsEveryTicketsProcessOnce() {
        Customer first = debtorWith("120.00");
        Customer second = debtorWith("80.00");
        long scanId = startScanThroughTheApi(TODAY);

        ScanJobs.runScanFailingAtTheEnd(engine, jdbc, scanId);

        String firstTicket = openTicketOf(first).getTicketNumber();
        String secondTicket = openTicketOf(second).getTicketNumber();
        assertThat(processesOf(firstTicket)).as("opened, its process not started yet").isZero();
        ScanJobs.runToEnd(engine, scanId);
        JsonNode retried = asAdmin().getForObject("/api/scans/" + scanId, JsonNode.class);
        assertThat(retried.get("state").asText()).isEqualTo("COMPLETED");
        assertThat(retried.get("refreshed").asInt()).as("the retry refreshes what the failed run opened").isGreaterThanOrEqualTo(2);
        assertThat(openTicketOf(first).getTicketNumber()).isEqualTo(firstTicket);
        assertThat(processesOf(firstTicket)).isEqualTo(1);
        assertThat(processesOf(secondTicket)).isEqualTo(1);

        runScanThroughTheApi(TODAY);

        assertThat(processesOf(firstTicket)).as("the next scan starts none again").isEqualTo(1);
        assertThat(processesOf(secondTicket)).isEqualTo(1);
    }

    @Test
    void aScanWaitsWhileAnotherScanRunsAndOpensNothingBesideIt() throws Exception {
        Customer debtor = debtorWith("120.00");
        long scanId = startScanThroughTheApi(TODAY);
        java.util.concurrent.CountDownLatch locked = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        // another scan's job, holding the scan lock for as long as it runs
        Thread running = new Thread(() -> transaction.executeWithoutResult(status -> {
            jdbc.queryForObject("select id from scan_lock where id = 1 for update", Integer.class);
            locked.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }));
        running.start();
        try {
            locked.await();
            assertThatThrownBy(() -> ScanJobs.runScanOnly(engine, scanId)).as("H2 gives up waiting at its lock timeout")
                    .isInstanceOf(RuntimeException.class);
            assertThat(openTicketOf(debtor)).isNull();
        } finally {
            release.countDown();
            running.join();
        }

        ScanJobs.runToEnd(engine, scanId);

        assertThat(openTicketOf(debtor)).as("the job's retry runs once the other scan ended").isNotNull();
        assertThat(processesOf(openTicketOf(debtor).getTicketNumber())).isEqualTo(1);
    }

    private long processesOf(String ticketNumber) {
        return engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(ticketNumber).count();
    }

    private long startScanThroughTheApi(LocalDate asOf) {
        ResponseEntity<JsonNode> started = asAdmin().postForEntity("/api/scans?asOf=" + asOf, null, JsonNode.class);
        assertThat(started.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        return started.getBody().get("id").asLong();
    }

    private Customer debtorWith(String amount) {
        Customer customer = ledger.customer(100);
        ledger.invoice(customer, ledger.contract(customer, "CONSUMER_LOAN"), amount, TODAY.minusDays(12));
        return customer;
    }

    /** The ledger's validation is not what keeps the scan safe: these rows go straight into the table. */
    private void invoiceBypassingValidation(Customer customer, Contract contract, String amount) {
        Timestamp now = Timestamp.from(Instant.now());
        LocalDate due = TODAY.minusDays(40);
        jdbc.update("""
                insert into invoice (id, invoice_number, customer_fk, contract_fk, issue_date, due_date, amount, open_amount,
                                     currency, status, created_at, updated_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, 'EUR', 'OPEN', ?, ?)""",
                SQL_IDS.incrementAndGet(), "SQL-" + SQL_IDS.get(), customer.getId(), contract.getId(),
                Date.valueOf(due.minusDays(14)), Date.valueOf(due), new java.math.BigDecimal(amount),
                new java.math.BigDecimal(amount), now, now);
    }

    /** Starts the scan as a manager would and runs its jobs (the scan, then its process starts) as the job executor would: none may fail. */
    private JsonNode runScanThroughTheApi(LocalDate asOf) {
        long scanId = startScanThroughTheApi(asOf);
        ProcessInstance scan = ScanJobs.instanceOf(engine, scanId);
        ScanJobs.runToEnd(engine, scanId);
        assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(scan.getId()).count())
                .as("the scan process ended").isZero();
        assertThat(engine.getRuntimeService().createIncidentQuery().processInstanceId(scan.getId()).count()).isZero();
        return asAdmin().getForObject("/api/scans/" + scanId, JsonNode.class);
    }

    private JsonNode problemsOf(JsonNode scan) {
        return asAdmin().getForObject(scan.get("problems").asText(), JsonNode.class);
    }

    private TestRestTemplate asAdmin() {
        return http.withBasicAuth(TestUsers.ADMIN, TestUsers.ADMIN_PASSWORD);
    }

    private Ticket openTicketOf(Customer customer) {
        return transaction.execute(s -> tickets.findOpenByCustomer(customer.getId()).stream().findFirst().orElse(null));
    }
}
