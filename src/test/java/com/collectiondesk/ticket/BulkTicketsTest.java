package com.collectiondesk.ticket;

import static org.assertj.core.api.Assertions.assertThat;

import com.collectiondesk.ledger.Contract;
import com.collectiondesk.ledger.Customer;
import com.collectiondesk.ledger.Invoice;
import com.collectiondesk.ledger.LedgerQueries;
import com.collectiondesk.support.TicketProcessTestBase;
import jakarta.persistence.EntityManager;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The scan's set-based ticket writes against the one-ticket code they replace (entity loaded, refreshed and saved):
 * the same figures, invoice links and timeline lines, and each ticket's process started once, after the fact.
 */
class BulkTicketsTest extends TicketProcessTestBase {

    private static final AtomicLong SQL_IDS = new AtomicLong(8_000_000_000L);

    @Autowired BulkTickets bulk;
    @Autowired TicketService ticketService;
    @Autowired TicketProcessStarts starts;
    @Autowired Timeline timeline;
    @Autowired LedgerQueries ledgerQueries;
    @Autowired EntityManager entityManager;
    @Autowired JdbcTemplate jdbc;

    private final List<Long> customers = new ArrayList<>();

    /** Later scans in this shared context must not meet this class's debtors again. */
    @AfterEach
    void settleThisClassesInvoices() {
        customers.forEach(pk -> jdbc.update("update invoice set open_amount = 0, status = 'PAID' where customer_fk = ?", pk));
        customers.forEach(pk -> jdbc.update("update ticket set process_pending = false where customer_fk = ?", pk));
    }

    @Test
    void openingInBulkGivesEveryTicketWhatOpeningItAloneGaveBefore() {
        List<BulkTickets.ToOpen> wanted = portfolioOfEveryKind();

        transaction.executeWithoutResult(status -> {
            List<Ticket> oneByOne = wanted.stream().map(open -> openedAsBefore(open.customerPk(), open.currency())).toList();
            entityManager.flush();
            List<Long> ids = bulk.openAll(wanted, TODAY);
            entityManager.flush();
            entityManager.clear();
            for (int i = 0; i < wanted.size(); i++) {
                Ticket before = tickets.findById(oneByOne.get(i).getId()).orElseThrow();
                Ticket now = tickets.findById(ids.get(i)).orElseThrow();
                assertSameFigures(now, before);
                assertThat(now.getOverdueAtEntry()).isEqualByComparingTo(before.getOverdueAtEntry());
                assertThat(now.getLegalEntity()).isEqualTo(before.getLegalEntity());
                assertThat(now.getStatus()).isEqualTo(TicketStatus.OPEN);
                assertThat(now.getOpenedOn()).isEqualTo(TODAY);
                assertThat(now.getTicketNumber()).matches("T-2026-\\d{6}");
                assertThat(now.getInvoicePks()).isEqualTo(before.getInvoicePks());
                assertThat(lines(now)).isEqualTo(lines(before));
            }
            status.setRollbackOnly();
        });
    }

    @Test
    void theFiguresOfTheFixtureAreTheOnesTheOldCodeWrote() {
        List<BulkTickets.ToOpen> wanted = portfolioOfEveryKind();

        List<Long> ids = transaction.execute(status -> bulk.open(wanted, TODAY, false));

        Map<String, Ticket> byKey = new java.util.HashMap<>();
        transaction.executeWithoutResult(status -> ids.forEach(id -> {
            Ticket ticket = tickets.findById(id).orElseThrow();
            ticket.getInvoicePks().size();
            byKey.put(ticket.getCustomerPk() + "/" + ticket.getCurrency(), ticket);
        }));
        Ticket twoProducts = byKey.get(customers.get(0) + "/EUR");
        assertThat(twoProducts.getOverdueAmount()).isEqualByComparingTo("300.00");
        assertThat(twoProducts.getMaxDpd()).isEqualTo(20);
        assertThat(twoProducts.getBucket()).isEqualTo("1-30");
        assertThat(twoProducts.getProductType()).isEqualTo("CONSUMER_LOAN");
        assertThat(twoProducts.getInvoicePks()).hasSize(2);
        assertThat(lines(twoProducts)).containsExactly("OPENED|Opened with 300.00 EUR overdue, 20 DPD, bucket 1-30|null");
        Ticket held = byKey.get(customers.get(2) + "/EUR");
        assertThat(held.getHeldAmount()).isEqualByComparingTo("150.00");
        assertThat(held.getStrategyAmount()).isEqualByComparingTo("50.00");
        assertThat(byKey.get(customers.get(3) + "/USD").getBucket()).isEqualTo("120+");
        Ticket nothingOverdue = byKey.get(customers.get(4) + "/EUR");
        assertThat(nothingOverdue.getOverdueAmount()).isEqualByComparingTo("0.00");
        assertThat(nothingOverdue.getBucket()).isEqualTo("current");
        assertThat(nothingOverdue.getProductType()).isEqualTo("UNKNOWN");
        assertThat(nothingOverdue.getInvoicePks()).isEmpty();
    }

    @Test
    void refreshingInBulkLeavesNothingForTheOneTicketRefreshToChange() {
        List<BulkTickets.ToOpen> wanted = portfolioOfEveryKind();
        List<Long> ids = transaction.execute(status -> bulk.open(wanted, TODAY.minusDays(3), false));
        Customer growing = ledger.customer(100);
        customers.add(growing.getId());
        Contract card = ledger.contract(growing, "CREDIT_CARD");
        ledger.invoice(growing, card, "40.00", TODAY.minusDays(50));
        Long growingTicket = transaction.execute(status -> bulk.open(List.of(new BulkTickets.ToOpen(growing.getId(), "EUR")),
                TODAY.minusDays(3), false)).get(0);
        ledger.invoice(growing, card, "60.00", TODAY.minusDays(2));
        List<Long> all = new ArrayList<>(ids);
        all.add(growingTicket);
        Map<Long, Long> versionsBefore = versions(all);

        transaction.executeWithoutResult(status -> bulk.refreshAll(all, TODAY));

        Map<Long, Long> versionsAfterBulk = versions(all);
        transaction.executeWithoutResult(status -> {
            for (Long id : all) {
                Ticket ticket = tickets.findById(id).orElseThrow();
                Ticket copy = snapshot(ticket);
                ticketService.refresh(ticket, TODAY);
                assertSameFigures(ticket, copy);
            }
            entityManager.flush();
        });
        assertThat(versions(all)).as("the one-ticket refresh found nothing to change").isEqualTo(versionsAfterBulk);
        Ticket grown = transaction.execute(status -> {
            Ticket ticket = tickets.findById(growingTicket).orElseThrow();
            ticket.getInvoicePks().size();
            return ticket;
        });
        assertThat(grown.getOverdueAmount()).isEqualByComparingTo("100.00");
        assertThat(grown.getMaxDpd()).isEqualTo(50);
        assertThat(grown.getInvoicePks()).as("the newly overdue invoice joined").hasSize(2);
        assertThat(versionsAfterBulk.get(growingTicket)).isEqualTo(versionsBefore.get(growingTicket) + 1);
    }

    @Test
    void closingInBulkWithoutAProcessClosesAsPaidWithTheTimelineLineOfBefore() {
        Customer settled = ledger.customer(100);
        customers.add(settled.getId());
        Invoice invoice = ledger.invoice(settled, ledger.contract(settled, "UTILITY"), "70.00", TODAY.minusDays(20));
        Long id = transaction.execute(status -> bulk.open(List.of(new BulkTickets.ToOpen(settled.getId(), "EUR")), TODAY, false)).get(0);
        ledger.settledInErp(invoice);

        Integer worked = transaction.execute(status -> bulk.closeAllPaid(List.of(id), TODAY, "scan"));

        assertThat(worked).isEqualTo(1);
        Ticket closed = transaction.execute(status -> tickets.findById(id).orElseThrow());
        assertThat(closed.getStatus()).isEqualTo(TicketStatus.CLOSED);
        assertThat(closed.getCloseReason()).isEqualTo(CloseReason.PAID);
        assertThat(closed.getClosedAt()).isNotNull();
        assertThat(closed.getOverdueAmount()).isEqualByComparingTo("0.00");
        assertThat(lines(closed)).containsExactly("OPENED|Opened with 70.00 EUR overdue, 20 DPD, bucket 1-30|null",
                "CLOSED|Closed as PAID with 0.00 EUR overdue|scan");
        Integer again = transaction.execute(status -> bulk.closeAllPaid(List.of(id), TODAY, "scan"));
        assertThat(again).isEqualTo(1);
        assertThat(lines(closed)).as("a closed ticket closes once").hasSize(2);
    }

    @Test
    void theProcessesOfTicketsOpenedInBulkStartOnceAfterTheFactAndNoneForATicketClosedMeanwhile() {
        Customer first = debtor("120.00");
        Customer second = debtor("80.00");
        Customer paidMeanwhile = ledger.customer(100);
        customers.add(paidMeanwhile.getId());
        Invoice paid = ledger.invoice(paidMeanwhile, ledger.contract(paidMeanwhile, "UTILITY"), "90.00", TODAY.minusDays(9));
        List<Long> ids = transaction.execute(status -> bulk.openAll(List.of(new BulkTickets.ToOpen(first.getId(), "EUR"),
                new BulkTickets.ToOpen(second.getId(), "EUR"), new BulkTickets.ToOpen(paidMeanwhile.getId(), "EUR")), TODAY));
        List<String> numbers = transaction.execute(status -> ids.stream().map(id -> tickets.findById(id).orElseThrow().getTicketNumber()).toList());
        assertThat(numbers).allSatisfy(number -> assertThat(processesOf(number)).as("not started in the opening transaction").isZero());
        ledger.settledInErp(paid);
        transaction.executeWithoutResult(status -> bulk.closeAllPaid(List.of(ids.get(2)), TODAY, "scan"));

        starts.startPending(TicketProcessStarts.BATCH);
        starts.startPending(TicketProcessStarts.BATCH);

        assertThat(processesOf(numbers.get(0))).isEqualTo(1);
        assertThat(processesOf(numbers.get(1))).isEqualTo(1);
        assertThat(processesOf(numbers.get(2))).as("closed before its process started").isZero();
        assertThat(jdbc.queryForObject("select count(*) from ticket where process_pending = true and id in (?, ?, ?)", Long.class,
                ids.get(0), ids.get(1), ids.get(2))).isZero();
    }

    /** Two products (the oldest's counts), a due-date tie, a held invoice, two currencies, and nothing overdue. */
    private List<BulkTickets.ToOpen> portfolioOfEveryKind() {
        Customer twoProducts = ledger.customer(500);
        ledger.invoice(twoProducts, ledger.contract(twoProducts, "CONSUMER_LOAN"), "200.00", TODAY.minusDays(20));
        ledger.invoice(twoProducts, ledger.contract(twoProducts, "UTILITY"), "100.00", TODAY.minusDays(5));
        Customer tie = ledger.customer(300);
        ledger.invoice(tie, ledger.contract(tie, "LEASING"), "45.50", TODAY.minusDays(40));
        ledger.invoice(tie, ledger.contract(tie, "TELECOM"), "54.50", TODAY.minusDays(40));
        Customer held = ledger.customer(200);
        Contract heldLoan = ledger.contract(held, "CONSUMER_LOAN");
        hold(held, ledger.invoice(held, heldLoan, "150.00", TODAY.minusDays(70)));
        ledger.invoice(held, heldLoan, "50.00", TODAY.minusDays(10));
        Customer twoCurrencies = ledger.customer(100);
        Contract lease = ledger.contract(twoCurrencies, "LEASING");
        ledger.invoice(twoCurrencies, lease, "80.00", TODAY.minusDays(100));
        ledger.invoice(twoCurrencies, lease, "60.00", TODAY.minusDays(130), "USD");
        Customer current = ledger.customer(100);
        ledger.invoice(current, ledger.contract(current, "UTILITY"), "30.00", TODAY.plusDays(4));
        for (Customer customer : List.of(twoProducts, tie, held, twoCurrencies, current)) {
            customers.add(customer.getId());
        }
        return List.of(new BulkTickets.ToOpen(twoProducts.getId(), "EUR"), new BulkTickets.ToOpen(tie.getId(), "EUR"),
                new BulkTickets.ToOpen(held.getId(), "EUR"), new BulkTickets.ToOpen(twoCurrencies.getId(), "EUR"),
                new BulkTickets.ToOpen(twoCurrencies.getId(), "USD"), new BulkTickets.ToOpen(current.getId(), "EUR"));
    }

    private Customer debtor(String amount) {
        Customer customer = ledger.customer(100);
        customers.add(customer.getId());
        ledger.invoice(customer, ledger.contract(customer, "CONSUMER_LOAN"), amount, TODAY.minusDays(12));
        return customer;
    }

    private void hold(Customer customer, Invoice invoice) {
        jdbc.update("""
                insert into hold (id, customer_fk, invoice_fk, reason, source, starts_on, freezes_interest, placed_by, placed_at)
                values (?, ?, ?, 'COMPLAINT', 'MANAGER', ?, false, 'test', ?)""", SQL_IDS.incrementAndGet(), customer.getId(),
                invoice.getId(), Date.valueOf(TODAY.minusDays(80)), Timestamp.from(Instant.now()));
    }

    /** The ticket as TicketService.open wrote it before the scan went set-based: entity saved, refreshed, entered. */
    private Ticket openedAsBefore(Long customerPk, String currency) {
        Ticket ticket = tickets.save(new Ticket("OLD-" + SQL_IDS.incrementAndGet() % 1_000_000, customerPk,
                ledgerQueries.legalEntityOf(customerPk), currency, TODAY));
        Overdue overdue = ticketService.refresh(ticket, TODAY);
        ticket.enter(overdue);
        timeline.record(ticket, "OPENED", "Opened with " + overdue.amount() + " " + currency + " overdue, "
                + overdue.maxDpd() + " DPD, bucket " + overdue.bucket());
        return ticket;
    }

    private static void assertSameFigures(Ticket actual, Ticket expected) {
        assertThat(actual.getCustomerPk()).isEqualTo(expected.getCustomerPk());
        assertThat(actual.getCurrency()).isEqualTo(expected.getCurrency());
        assertThat(actual.getOverdueAmount()).isEqualByComparingTo(expected.getOverdueAmount());
        assertThat(actual.getHeldAmount()).isEqualByComparingTo(expected.getHeldAmount());
        assertThat(actual.getMaxDpd()).isEqualTo(expected.getMaxDpd());
        assertThat(actual.getBucket()).isEqualTo(expected.getBucket());
        assertThat(actual.getProductType()).isEqualTo(expected.getProductType());
        assertThat(Set.copyOf(actual.getInvoicePks())).isEqualTo(Set.copyOf(expected.getInvoicePks()));
    }

    /** The figures a refresh may change, copied before it runs. */
    private static Ticket snapshot(Ticket ticket) {
        Ticket copy = new Ticket(ticket.getTicketNumber(), ticket.getCustomerPk(), ticket.getLegalEntity(), ticket.getCurrency(),
                ticket.getOpenedOn());
        copy.refresh(new Overdue(ticket.getOverdueAmount(), ticket.getMaxDpd(), ticket.getBucket(), ticket.getProductType()),
                ticket.getHeldAmount());
        copy.getInvoicePks().addAll(ticket.getInvoicePks());
        return copy;
    }

    private List<String> lines(Ticket ticket) {
        AtomicReference<List<String>> lines = new AtomicReference<>();
        transaction.executeWithoutResult(status -> lines.set(events.findByTicketIdOrderByAtAscIdAsc(ticket.getId()).stream()
                .map(e -> e.getType() + "|" + e.getDetails() + "|" + e.getAuthor()).toList()));
        return lines.get();
    }

    private Map<Long, Long> versions(List<Long> ids) {
        Map<Long, Long> versions = new java.util.HashMap<>();
        ids.forEach(id -> versions.put(id, jdbc.queryForObject("select version from ticket where id = ?", Long.class, id)));
        return versions;
    }

    private long processesOf(String ticketNumber) {
        return engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(ticketNumber).count();
    }
}
