package com.collectiondesk.risk;

import static org.assertj.core.api.Assertions.assertThat;

import com.collectiondesk.ledger.Contract;
import com.collectiondesk.ledger.Customer;
import com.collectiondesk.support.TestUsers;
import com.collectiondesk.support.TicketProcessTestBase;
import com.collectiondesk.ticket.Ticket;
import com.collectiondesk.ticket.TicketEvent;
import com.collectiondesk.ticket.TicketProcess;
import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The behavioural score on a history worked out by hand (README, "Behavioural risk score", default weights), each
 * part checked; the same history seen from an earlier day; and the daily scan feeding the score and its parts to a
 * new ticket's segment decision.
 */
class BehaviourScoreTest extends TicketProcessTestBase {

    private static final LocalDate A = TODAY;
    private static final AtomicLong SQL_IDS = new AtomicLong(8_100_000_000L);

    @Autowired BehaviourScore behaviour;
    @Autowired RiskScores scores;
    @Autowired JdbcTemplate jdbc;
    @Autowired TestRestTemplate http;
    @Autowired org.springframework.context.ApplicationContext context;

    private final List<Long> customers = new ArrayList<>();
    private final List<Long> sqlTickets = new ArrayList<>();

    /** Later scans in this shared context must not meet this class's debtors and hand-made tickets again. */
    @AfterEach
    void forgetTheHistory() {
        for (Long ticket : sqlTickets) {
            jdbc.update("delete from promise where ticket_fk = ?", ticket);
            jdbc.update("delete from dispute where ticket_fk = ?", ticket);
            jdbc.update("delete from ticket where id = ?", ticket);
        }
        for (Long customer : customers) {
            jdbc.update("update invoice set open_amount = 0, status = 'PAID' where customer_fk = ?", customer);
        }
        jdbc.update("delete from risk_score");
    }

    @Test
    void eachPartOfTheScoreOnAHandWorkedHistory() {
        Customer debtor = handWorkedHistory();

        behaviour.recompute(A);

        ScoreCard card = scores.card(debtor.getId()).orElseThrow();
        // 12 months: 4 paid, 0 + 30 + 0 + 40 days late → 17.5 average: 200 × 17.5 / 60 = 58.3
        assertThat(card.points(RiskScores.DAYS_LATE)).isEqualTo(58);
        // 6 months: 2 paid, (0 + 40) / 2 = 20.0, worse by 2.5 days: 80 × 2.5 / 30 = 6.7
        assertThat(card.points(RiskScores.TREND)).isEqualTo(7);
        // 2 of 4 paid late: 150 × 0.5
        assertThat(card.points(RiskScores.LATE_SHARE)).isEqualTo(75);
        // oldest unpaid due 20 days ago: 200 × 20 / 90 = 44.4
        assertThat(card.points(RiskScores.CURRENT_DPD)).isEqualTo(44);
        // 200 overdue of 400 open: 120 × 0.5
        assertThat(card.points(RiskScores.OVERDUE_SHARE)).isEqualTo(60);
        // 2 broken in 12 months (the one 400 days ago and the pending one do not count): 100 × 2 / 3 = 66.7
        assertThat(card.points(RiskScores.BROKEN)).isEqualTo(67);
        // 1 kept: a credit of 50 × 1 / 3 = 16.7
        assertThat(card.points(RiskScores.KEPT)).isEqualTo(-17);
        // 1 upheld (the rejected one does not count): a credit of 30 × 1 / 2
        assertThat(card.points(RiskScores.DISPUTES)).isEqualTo(-15);
        // closed PAID 200 days ago, a new ticket 30 days ago: 80 × 1 / 2
        assertThat(card.points(RiskScores.RELAPSES)).isEqualTo(40);
        // first invoice 330 days ago: 70 × (1 - 330 / 365) = 6.7
        assertThat(card.points(RiskScores.TENURE)).isEqualTo(7);
        assertThat(card.score()).isEqualTo(58 + 7 + 75 + 44 + 60 + 67 - 17 - 15 + 40 + 7).isEqualTo(326);
        assertThat(card.version()).isEqualTo(behaviour.version()).startsWith(BehaviourScore.FORMULA + "/");
        assertThat(card.asOf()).isEqualTo(A);
        assertThat(card.explain()).startsWith("behavioural score v" + behaviour.version() + " as of " + A + ": ")
                .contains("paid late +75 (2 of 4)", "current DPD +44 (20 days)", "overdue share +60 (200.00 of 400.00 open)",
                        "kept promises -17 (1)", "disputes upheld -15 (1)", "cured then relapsed +40 (1)",
                        "days late +58 (average 17.5 days over 4 invoices paid in 12 months)");
    }

    @Test
    void anEarlierDaySeesOnlyWhatWasKnownThatDay() {
        Customer debtor = handWorkedHistory();

        behaviour.recompute(A.minusDays(220));

        ScoreCard card = scores.card(debtor.getId()).orElseThrow();
        // then: only the first invoice was paid (on time); the second, due 20 days before, was still open and alone;
        // the promise broken on A-400 was inside that day's twelve months, the others not yet due
        assertThat(card.parts()).extracting(ScoreCard.Part::name, ScoreCard.Part::fact).contains(
                org.assertj.core.groups.Tuple.tuple(RiskScores.LATE_SHARE, "0 of 1"),
                org.assertj.core.groups.Tuple.tuple(RiskScores.CURRENT_DPD, "20 days"),
                org.assertj.core.groups.Tuple.tuple(RiskScores.OVERDUE_SHARE, "100.00 of 100.00 open"),
                org.assertj.core.groups.Tuple.tuple(RiskScores.BROKEN, "1"),
                org.assertj.core.groups.Tuple.tuple(RiskScores.RELAPSES, "0"),
                org.assertj.core.groups.Tuple.tuple(RiskScores.TENURE, "110 days"));
        // 44 (DPD) + 120 (all open money overdue) + 33 (1 broken) + 70 × (1 - 110 / 365) = 48.9
        assertThat(card.score()).isEqualTo(44 + 120 + 33 + 49);
    }

    @Test
    void theDailyScanFeedsTheScoreAndItsPartsToTheNewTicketsSegmentDecision() {
        // no score recorded on the debtor: before the behavioural score this ticket was SOFT (risk 0, DPD 25, 50.00)
        Customer debtor = ledger.customer(null);
        customers.add(debtor.getId());
        Contract loan = ledger.contract(debtor, "CONSUMER_LOAN");
        for (int[] dueAndPaid : new int[][] {{150, 90}, {120, 60}, {100, 40}}) {
            ledger.invoice(debtor, loan, "100.00", A.minusDays(dueAndPaid[0]));
        }
        ledger.invoice(debtor, loan, "50.00", A.minusDays(25));
        for (int paidDaysAgo : new int[] {90, 60, 40}) {
            ledger.pay(debtor, "100.00", A.minusDays(paidDaysAgo));
        }

        runScanThroughTheApi();

        Ticket ticket = transaction.execute(s -> tickets.findOpenByCustomer(debtor.getId()).get(0));
        ProcessInstance instance = engine.getRuntimeService().createProcessInstanceQuery()
                .processInstanceBusinessKey(ticket.getTicketNumber()).singleResult();
        runAsyncJobs(instance);
        ScoreCard card = scores.card(debtor.getId()).orElseThrow();
        // 60 days late on all three (200 + 150, no trend) + DPD 25 (56) + all open money overdue (120) + 164 days (39)
        assertThat(card.score()).isEqualTo(200 + 150 + 56 + 120 + 39);
        HistoricVariableInstance riskScore = engine.getHistoryService().createHistoricVariableInstanceQuery()
                .processInstanceId(instance.getId()).variableName(TicketProcess.RISK_SCORE).singleResult();
        assertThat(riskScore.getValue()).isEqualTo(565);
        assertThat(tickets.findById(ticket.getId()).orElseThrow().getSegment()).isEqualTo("STANDARD");
        String why = events.findByTicketIdOrderByAtAscIdAsc(ticket.getId()).stream()
                .filter(e -> e.getType().equals("SEGMENT_DECIDED")).map(TicketEvent::getDetails).findFirst().orElseThrow();
        assertThat(why).contains("riskScore=565", "segment STANDARD", "; riskScore 565 = " + card.explain())
                .contains("days late +200", "paid late +150 (3 of 3)", "current DPD +56 (25 days)", "tenure +39 (164 days)");
    }

    /**
     * Invoices of 100.00 (due, paid), (A-240, A-210), (A-60, A-60), (A-45, A-5), issued 30 days before
     * due; open: 200.00 due A-20 and 200.00 due A+20. A ticket closed PAID on A-200 and one opened A-30; promises
     * broken, kept, pending (A+3); disputes upheld and rejected.
     */
    private Customer handWorkedHistory() {
        Customer debtor = ledger.customer(null);
        customers.add(debtor.getId());
        Contract loan = ledger.contract(debtor, "CONSUMER_LOAN");
        for (int due : new int[] {300, 240, 60, 45}) {
            invoice(debtor, loan, "100.00", A.minusDays(due));
        }
        invoice(debtor, loan, "200.00", A.minusDays(20));
        invoice(debtor, loan, "200.00", A.plusDays(20));
        for (int paid : new int[] {300, 210, 60, 5}) {
            ledger.pay(debtor, "100.00", A.minusDays(paid));
        }
        long cured = ticket(debtor, "CLOSED", "PAID", A.minusDays(230), A.minusDays(200));
        ticket(debtor, "OPEN", null, A.minusDays(30), null);
        promise(cured, "BROKEN", A.minusDays(100));
        promise(cured, "BROKEN", A.minusDays(80));
        promise(cured, "BROKEN", A.minusDays(400));
        promise(cured, "KEPT", A.minusDays(70));
        promise(cured, "PENDING", A.plusDays(3));
        dispute(cured, "UPHELD", A.minusDays(50));
        dispute(cured, "REJECTED", A.minusDays(40));
        return debtor;
    }

    private void invoice(Customer debtor, Contract contract, String amount, LocalDate due) {
        com.collectiondesk.support.ledger.Invoices.of(context).invoice(debtor).contract(contract).amount(amount).due(due)
                .issued(due.minusDays(30)).book();
    }

    private long ticket(Customer debtor, String status, String closeReason, LocalDate opened, LocalDate closed) {
        long id = SQL_IDS.incrementAndGet();
        Timestamp now = new Timestamp(System.currentTimeMillis());
        jdbc.update("""
                insert into ticket (id, ticket_number, customer_fk, status, close_reason, currency, overdue_amount,
                                    overdue_at_entry, max_dpd, bucket, product_type, opened_on, closed_at, created_at, updated_at)
                values (?, ?, ?, ?, ?, 'EUR', 100.00, 100.00, 10, '1-30', 'CONSUMER_LOAN', ?, ?, ?, ?)""",
                id, "RS-" + id, debtor.getId(), status, closeReason, Date.valueOf(opened),
                closed == null ? null : Timestamp.valueOf(closed.atTime(12, 0)), now, now);
        sqlTickets.add(id);
        return id;
    }

    private void promise(long ticket, String status, LocalDate promised) {
        jdbc.update("insert into promise (id, ticket_fk, amount, promised_date, status, created_at) values (?, ?, ?, ?, ?, ?)",
                SQL_IDS.incrementAndGet(), ticket, new BigDecimal("50.00"), Date.valueOf(promised), status,
                Timestamp.valueOf(promised.minusDays(7).atStartOfDay()));
    }

    private void dispute(long ticket, String resolution, LocalDate resolved) {
        jdbc.update("insert into dispute (id, ticket_fk, reason, amount, resolution, created_at, resolved_at)"
                        + " values (?, ?, 'wrong amount', 20.00, ?, ?, ?)", SQL_IDS.incrementAndGet(), ticket, resolution,
                Timestamp.valueOf(resolved.minusDays(5).atStartOfDay()), Timestamp.valueOf(resolved.atTime(12, 0)));
    }

    private void runScanThroughTheApi() {
        ResponseEntity<com.fasterxml.jackson.databind.JsonNode> started = http
                .withBasicAuth(TestUsers.ADMIN, TestUsers.ADMIN_PASSWORD)
                .postForEntity("/api/scans?asOf=" + A, null, com.fasterxml.jackson.databind.JsonNode.class);
        assertThat(started.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        ProcessInstance scan = engine.getRuntimeService().createProcessInstanceQuery()
                .processInstanceBusinessKey("scan-" + started.getBody().get("id").asLong()).singleResult();
        // the scan's job, then the job that starts the processes of the tickets it opened
        for (org.camunda.bpm.engine.runtime.Job job = jobsOf(scan); job != null; job = jobsOf(scan)) {
            engine.getManagementService().executeJob(job.getId());
        }
    }

    private org.camunda.bpm.engine.runtime.Job jobsOf(ProcessInstance scan) {
        return engine.getManagementService().createJobQuery().processInstanceId(scan.getId()).listPage(0, 1).stream()
                .findFirst().orElse(null);
    }
}
