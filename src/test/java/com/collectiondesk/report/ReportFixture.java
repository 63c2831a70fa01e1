package com.collectiondesk.report;

import com.collectiondesk.ledger.Contract;
import com.collectiondesk.ledger.Customer;
import com.collectiondesk.ledger.Invoice;
import com.collectiondesk.ledger.LedgerCommands;
import com.collectiondesk.support.ledger.Debtors;
import com.collectiondesk.support.ledger.Invoices;
import com.collectiondesk.support.ledger.Payments;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A small portfolio in June 2026 whose report figures are worked out by hand in {@link ReportsApiTest}.
 * The engine clock stands at {@link #NOW} (20 June 2026, noon in Sofia) while the tests run.
 *
 * <pre>
 * customer        invoice  issued  due     amount  paid (on)        ticket (owner, status, opened → closed, bucket,
 *                                                                   overdue now / at entry, product)
 * Alpha Ltd       I1       04-01   05-01   1000    400 (05-10)      T1 carla OPEN 05-20, 31-60, 600 / 600, CONSUMER_LOAN
 * =HYPERLINK("x") I2       05-01   05-15   2000    500 (06-05)      T2 carla PROMISED 06-01, 31-60, 1500 / 2000, CREDIT_CARD
 * Alpha Ltd       I3       06-03   07-12   3000    –
 * =HYPERLINK("x") I4       06-06   06-11   1000    1000 (06-13)
 * Gamma           I5       04-01   04-15   250     –                T3 dan WRITTEN_OFF 04-20 → 06-10, 61-90, 250 / 250
 * Delta (BGN)     I6       06-01   06-15   500     –                T4 – OPEN 06-16, 1-30, 500 / 500, UTILITY (BGN)
 * Epsilon         I7       05-01   05-20   800     800 (06-12)      T5 dan PAID 06-02 → 06-12, current, 0 / 800
 * Zeta            –                                                 T6 dan PAID 05-25 → 06-24
 * Eta             –                                                 T7 dan PAID 06-05 → 06-09
 * Theta (USD)     I8       05-01   05-15   1000    200 (06-15), 300 cancelled on 06-10 (an upheld dispute)
 * Kappa (CHF)     I9   2025-10-01 10-31   1000    –                (sold 9 months back: count-back reads older months)
 * </pre>
 */
final class ReportFixture {

    static final ZoneId ZONE = ZoneId.of("Europe/Sofia");
    static final ZonedDateTime NOW = ZonedDateTime.of(2026, 6, 20, 12, 0, 0, 0, ZONE);
    static final LocalDate JUNE_1 = LocalDate.of(2026, 6, 1);
    static final LocalDate JUNE_30 = LocalDate.of(2026, 6, 30);

    private ReportFixture() {
    }

    /** Books the ledger part through the ledger's API (the shared builders), the rest straight into the tables. */
    static void load(JdbcTemplate jdbc, TaskService tasks, ApplicationContext context) {
        Ledger ledger = new Ledger(context);
        ClockUtil.setCurrentTime(Date.from(NOW.toInstant()));
        ledger.customer(9001, "CUST-1", "Alpha Ltd");
        ledger.customer(9002, "CUST-2", "=HYPERLINK(\"x\")");
        ledger.customer(9003, "CUST-3", "Gamma");
        ledger.customer(9004, "CUST-4", "Delta");
        ledger.customer(9005, "CUST-5", "Epsilon");
        ledger.customer(9006, "CUST-6", "Zeta");
        ledger.customer(9007, "CUST-7", "Eta");
        ledger.customer(9008, "CUST-8", "Theta");
        ledger.customer(9009, "CUST-9", "Kappa");
        ledger.contract(9001, 9001, "CONSUMER_LOAN");
        ledger.contract(9002, 9002, "CREDIT_CARD");
        ledger.contract(9003, 9003, "CONSUMER_LOAN");
        ledger.contract(9004, 9004, "UTILITY");
        ledger.contract(9005, 9005, "LEASING");
        ledger.contract(9008, 9008, "TELECOM");
        ledger.contract(9009, 9009, "B2B_INVOICE");

        ledger.invoice(9001, 9001, 9001, "2026-04-01", "2026-05-01", "1000", "EUR");
        ledger.invoice(9002, 9002, 9002, "2026-05-01", "2026-05-15", "2000", "EUR");
        ledger.invoice(9003, 9001, 9001, "2026-06-03", "2026-07-12", "3000", "EUR");
        ledger.invoice(9004, 9002, 9002, "2026-06-06", "2026-06-11", "1000", "EUR");
        ledger.invoice(9005, 9003, 9003, "2026-04-01", "2026-04-15", "250", "EUR");
        ledger.invoice(9006, 9004, 9004, "2026-06-01", "2026-06-15", "500", "BGN");
        ledger.invoice(9007, 9005, 9005, "2026-05-01", "2026-05-20", "800", "EUR");
        ledger.invoice(9008, 9008, 9008, "2026-05-01", "2026-05-15", "1000", "USD");
        ledger.invoice(9009, 9009, 9009, "2025-10-01", "2025-10-31", "1000", "CHF");
        ledger.payment(9001, 9001, 9001, "400", "2026-05-10");
        ledger.payment(9002, 9002, 9002, "500", "2026-06-05");
        ledger.payment(9003, 9002, 9004, "1000", "2026-06-13");
        ledger.payment(9004, 9005, 9007, "800", "2026-06-12");
        ledger.payment(9005, 9008, 9008, "200", "2026-06-15");
        ledger.cancellation(9008, "300", "2026-06-10");

        ticket(jdbc, ledger, 9001, 9001, "OPEN", null, "EUR", "600", "600", 50, "31-60", "CONSUMER_LOAN", "standard",
                "collection-strategy v1", "2026-05-20", null, "carla", 9001);
        ticket(jdbc, ledger, 9002, 9002, "PROMISED", null, "EUR", "1500", "2000", 36, "31-60", "CREDIT_CARD", "standard",
                "collection-strategy v1", "2026-06-01", null, "carla", 9002);
        ticket(jdbc, ledger, 9003, 9003, "CLOSED", "WRITTEN_OFF", "EUR", "250", "250", 56, "61-90", "CONSUMER_LOAN", "high-risk",
                "collection-strategy v1", "2026-04-20", "2026-06-10", "dan", 9005);
        ticket(jdbc, ledger, 9004, 9004, "OPEN", null, "BGN", "500", "500", 5, "1-30", "UTILITY", "standard",
                "collection-strategy v2", "2026-06-16", null, null, 9006);
        ticket(jdbc, ledger, 9005, 9005, "CLOSED", "PAID", "EUR", "0", "800", 0, "current", "LEASING", "standard",
                "collection-strategy v1", "2026-06-02", "2026-06-12", "dan", 9007);
        ticket(jdbc, ledger, 9006, 9006, "CLOSED", "PAID", "EUR", "0", "0", 0, "current", "UNKNOWN", "standard",
                "collection-strategy v1", "2026-05-25", "2026-06-24", "dan", null);
        ticket(jdbc, ledger, 9007, 9007, "CLOSED", "PAID", "EUR", "0", "0", 0, "current", "UNKNOWN", "standard",
                "collection-strategy v1", "2026-06-05", "2026-06-09", "dan", null);

        contact(jdbc, 9001, 9002, "EMAIL", "SENT", null, "2026-06-02T09:00:00Z");
        contact(jdbc, 9002, 9002, "CALL", "REACHED", "carla", "2026-06-03T09:00:00Z");
        contact(jdbc, 9003, 9001, "CALL", "NO_ANSWER", "carla", "2026-06-04T09:00:00Z");
        contact(jdbc, 9004, 9001, "SMS", "SENT", "carla", "2026-06-04T10:00:00Z");
        contact(jdbc, 9005, 9001, "CALL", "PROMISE", "dan", "2026-06-08T09:00:00Z");

        promise(jdbc, 9001, 9002, "500", "2026-06-05", "KEPT", "carla", "2026-06-03T09:00:00Z");
        promise(jdbc, 9002, 9001, "300", "2026-06-10", "BROKEN", "carla", "2026-06-04T09:00:00Z");
        promise(jdbc, 9003, 9001, "200", "2026-06-15", "KEPT", "dan", "2026-06-08T09:00:00Z");
        promise(jdbc, 9004, 9002, "900", "2026-06-18", "CANCELLED", "carla", "2026-06-04T09:05:00Z");
        promise(jdbc, 9005, 9002, "400", "2026-06-25", "PENDING", "carla", "2026-06-06T09:00:00Z");

        snapshot(jdbc, "2026-06-01", 9001, "EUR", "1-30", "600");
        snapshot(jdbc, "2026-06-01", 9003, "EUR", "31-60", "250");
        snapshot(jdbc, "2026-06-01", 9005, "EUR", "1-30", "800");
        snapshot(jdbc, "2026-06-01", 9006, "EUR", "31-60", "100");
        snapshot(jdbc, "2026-06-20", 9001, "EUR", "31-60", "600");
        snapshot(jdbc, "2026-06-20", 9002, "EUR", "31-60", "1500");
        snapshot(jdbc, "2026-06-20", 9004, "BGN", "1-30", "500");
        snapshot(jdbc, "2026-06-20", 9006, "EUR", "31-60", "100");

        // carla: two open tasks (one past due), one completed after two hours; all on 20 June
        ClockUtil.setCurrentTime(Date.from(NOW.minusHours(2).toInstant()));
        Task done = task(tasks, "carla", null);
        task(tasks, "carla", Date.from(NOW.minusDays(1).toInstant()));
        task(tasks, "carla", Date.from(NOW.plusDays(3).toInstant()));
        ClockUtil.setCurrentTime(Date.from(NOW.toInstant()));
        tasks.complete(done.getId());
    }

    private static Task task(TaskService tasks, String assignee, Date due) {
        Task task = tasks.newTask();
        task.setName("Call debtor");
        task.setAssignee(assignee);
        task.setDueDate(due);
        tasks.saveTask(task);
        return task;
    }

    private static void ticket(JdbcTemplate jdbc, Ledger ledger, long id, int customer, String status, String closeReason, String currency,
                               String overdue, String atEntry, int dpd, String bucket, String productType, String segment, String strategy,
                               String openedOn, String closedOn, String owner, Integer invoice) {
        jdbc.update("""
                insert into ticket (id, ticket_number, customer_fk, status, close_reason, currency, overdue_amount,
                                    overdue_at_entry, max_dpd, bucket, product_type, segment, strategy, opened_on, closed_at,
                                    owner, created_at, updated_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, current_timestamp, current_timestamp)""",
                id, "T-" + id, ledger.customerPk(customer), status, closeReason, currency, new java.math.BigDecimal(overdue),
                new java.math.BigDecimal(atEntry), dpd, bucket,
                productType, segment, strategy, LocalDate.parse(openedOn),
                closedOn == null ? null : java.sql.Timestamp.from(LocalDate.parse(closedOn).atTime(10, 0).atZone(ZONE).toInstant()),
                owner);
        if (invoice != null) {
            jdbc.update("insert into ticket_invoice (ticket_fk, invoice_fk) values (?, ?)", id, ledger.invoicePk(invoice));
            if ("WRITTEN_OFF".equals(closeReason)) {
                // as closing a ticket as written off marks its invoices
                ledger.writeOff(invoice, jdbc.queryForObject("select closed_at from ticket where id = ?", java.sql.Timestamp.class, id)
                        .toInstant());
            }
        }
    }

    /** The portfolio's ledger, booked through the ledger's API; the table's numbers name its records. */
    private static final class Ledger {

        private final Debtors debtors;
        private final Invoices invoices;
        private final Payments payments;
        private final LedgerCommands commands;
        private final Map<Integer, Customer> customers = new HashMap<>();
        private final Map<Integer, Contract> contracts = new HashMap<>();
        private final Map<Integer, Invoice> invoicesByNumber = new HashMap<>();

        Ledger(ApplicationContext context) {
            debtors = Debtors.of(context);
            invoices = Invoices.of(context);
            payments = Payments.of(context);
            commands = context.getBean(LedgerCommands.class);
        }

        void customer(int number, String customerId, String name) {
            customers.put(number, debtors.debtor(customerId).name(name).phone(null).email(null).address("Street 1").book());
        }

        void contract(int number, int customer, String productType) {
            contracts.put(number, invoices.contract("K-" + number, customers.get(customer), productType));
        }

        void invoice(int number, int customer, int contract, String issued, String due, String amount, String currency) {
            invoicesByNumber.put(number, invoices.invoice(customers.get(customer)).number("I-" + number)
                    .contract(contracts.get(contract)).issued(LocalDate.parse(issued)).due(LocalDate.parse(due))
                    .amount(amount).currency(currency).book());
        }

        /** Paid on the referenced invoice, in its currency. */
        void payment(int number, int customer, int invoice, String amount, String paidOn) {
            Invoice paid = invoicesByNumber.get(invoice);
            payments.payment(customers.get(customer)).id("P-" + number).forInvoice(paid.getInvoiceNumber())
                    .currency(paid.getCurrency()).amount(amount).paidOn(LocalDate.parse(paidOn)).book();
        }

        /** An upheld dispute on that day at 15:00 in Sofia (the business clock stands there meanwhile). */
        void cancellation(int invoice, String amount, String on) {
            ClockUtil.setCurrentTime(Date.from(LocalDate.parse(on).atTime(15, 0).atZone(ZONE).toInstant()));
            commands.cancelNewestFirst(List.of(invoicePk(invoice)), new BigDecimal(amount), "Dispute upheld");
            ClockUtil.setCurrentTime(Date.from(NOW.toInstant()));
        }

        void writeOff(int invoice, java.time.Instant at) {
            commands.writeOff(List.of(invoicePk(invoice)), at);
        }

        long customerPk(int customer) {
            return customers.get(customer).getId();
        }

        long invoicePk(int invoice) {
            return invoicesByNumber.get(invoice).getId();
        }
    }

    private static void contact(JdbcTemplate jdbc, long id, long ticket, String channel, String outcome, String author,
                                String at) {
        jdbc.update("""
                insert into contact_attempt (id, ticket_fk, channel, outcome, author, send_key, at)
                values (?, ?, ?, ?, ?, ?, ?)""",
                id, ticket, channel, outcome, author, "fixture-" + id, java.sql.Timestamp.from(java.time.Instant.parse(at)));
    }

    private static void promise(JdbcTemplate jdbc, long id, long ticket, String amount, String promisedDate, String status,
                                String author, String createdAt) {
        jdbc.update("insert into promise (id, ticket_fk, amount, promised_date, status, author, created_at)"
                + " values (?, ?, ?, ?, ?, ?, ?)", id, ticket, new java.math.BigDecimal(amount),
                LocalDate.parse(promisedDate), status, author, java.sql.Timestamp.from(java.time.Instant.parse(createdAt)));
    }

    private static void snapshot(JdbcTemplate jdbc, String asOf, long ticket, String currency, String bucket, String balance) {
        jdbc.update("insert into bucket_snapshot (as_of, ticket_fk, currency, bucket, balance, max_dpd) values (?, ?, ?, ?, ?, 0)",
                LocalDate.parse(asOf), ticket, currency, bucket, new java.math.BigDecimal(balance));
    }
}
