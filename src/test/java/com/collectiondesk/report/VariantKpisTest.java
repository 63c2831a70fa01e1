package com.collectiondesk.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.collectiondesk.ledger.Customer;
import com.collectiondesk.ledger.Invoice;
import com.collectiondesk.security.Groups;
import com.collectiondesk.support.IntegrationTest;
import com.collectiondesk.support.TestUsers;
import com.collectiondesk.support.ledger.Debtors;
import com.collectiondesk.support.ledger.Invoices;
import com.collectiondesk.support.ledger.Payments;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

/**
 * The champion/challenger report on a fixture whose every figure is worked out by hand below. Today is 20 June 2026;
 * every ticket owes 100 EUR at entry and, but H11, opened on 1 March (111 days ago, so judged at 30, 60 and 90 days).
 *
 * <pre>
 * champion   C1–C6 paid 100 on day 10 (closed PAID)   C7 paid 100 on day 50 (PAID)   C8–C10 open, nothing paid
 * challenger H1–H2 paid 100 on day 10 (PAID)          H3 paid 50 on day 10 (open)    H4 paid 100 on day 80 (PAID)
 *            H5–H10 open, nothing paid                H11 opened 1 June (19 days: judged at no window yet)
 * promises   champion C8 KEPT, C9 KEPT, C10 KEPT, C8 BROKEN (4 judged: under the minimum of 5)
 *            challenger H5 KEPT, H5–H8 BROKEN (5 judged), H9 PENDING (not judged)
 * contacts   champion SMS on C1–C10, CALL on C1–C5; challenger EMAIL on H1–H10, LETTER on H1–H2, an SMS reply on H3
 * costs      SMS 0.10, e-mail 0.02, letter 1.50, call minute 0.50 × 4 minutes a call (EUR)
 * </pre>
 */
@IntegrationTest
@TestPropertySource(properties = {"collection.reports.snapshot-cron=-", "collection.reports.variants.minimum-sample=5",
        "collection.contact-costs.sms=0.10", "collection.contact-costs.email=0.02", "collection.contact-costs.letter=1.50",
        "collection.contact-costs.call-minute=0.50", "collection.contact-costs.call-minutes=4"})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class VariantKpisTest {

    private static final ZoneId ZONE = ZoneId.of("Europe/Sofia");
    private static final ZonedDateTime NOW = ZonedDateTime.of(2026, 6, 20, 12, 0, 0, 0, ZONE);
    private static final LocalDate MARCH_1 = LocalDate.of(2026, 3, 1);
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(com.fasterxml.jackson.databind.DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .setNodeFactory(com.fasterxml.jackson.databind.node.JsonNodeFactory.withExactBigDecimals(true));

    @Autowired TestRestTemplate http;
    @Autowired JdbcTemplate jdbc;
    @Autowired IdentityService identity;
    @Autowired ApplicationContext context;

    private long nextId = 9100;

    @BeforeAll
    void loadTheExperiment() {
        TestUsers.ensure(identity, "maria", Groups.MANAGERS);
        TestUsers.ensure(identity, "alex", Groups.ANALYSTS);
        TestUsers.ensure(identity, "carla", Groups.COLLECTORS);
        ClockUtil.setCurrentTime(Date.from(NOW.toInstant()));
        for (int c = 1; c <= 10; c++) {
            Integer paidOnDay = c <= 6 ? Integer.valueOf(10) : c == 7 ? Integer.valueOf(50) : null;
            long ticket = ticket("C" + c, "CHAMPION", MARCH_1, paidOnDay == null ? null : "100", paidOnDay);
            contact(ticket, "SMS", "SENT");
            if (c <= 5) {
                contact(ticket, "CALL", "NO_ANSWER");
            }
            if (c >= 8) {
                promise(ticket, "KEPT");
            }
            if (c == 8) {
                promise(ticket, "BROKEN");
            }
        }
        for (int h = 1; h <= 11; h++) {
            String paid = h <= 2 || h == 4 ? "100" : h == 3 ? "50" : null;
            Integer day = h <= 3 ? Integer.valueOf(10) : h == 4 ? Integer.valueOf(80) : null;
            long ticket = ticket("H" + h, "CHALLENGER", h == 11 ? LocalDate.of(2026, 6, 1) : MARCH_1, paid, day);
            if (h <= 10) {
                contact(ticket, "EMAIL", "SENT");
            }
            if (h <= 2) {
                contact(ticket, "LETTER", "SENT");
            }
            if (h == 3) {
                contact(ticket, "SMS", "REPLY");
            }
            if (h >= 5 && h <= 8) {
                promise(ticket, h == 5 ? "KEPT" : "BROKEN");
            }
            if (h == 5) {
                promise(ticket, "BROKEN");
            }
            if (h == 9) {
                promise(ticket, "PENDING");
            }
        }
    }

    @AfterAll
    void resetClock() {
        ClockUtil.reset();
    }

    /**
     * Collected in full within W days, of the tickets at least W days old (H11 is in none): champion 6, 7, 7 of 10;
     * challenger 2, 2, 3 of 10. Wilson (z = 1.959964) of 6/10: (0.6 + 0.192073 ± 0.359287) / 1.384146 = 31.3–83.2 %;
     * 2/10: (0.2 + 0.192073 ± 0.26365) / 1.384146 = 5.7–51.0 %. The challenger's test at 30 days: pooled 8/20 = 0.4,
     * SE = √(0.4 × 0.6 × 0.2) = 0.219089, z = −0.4 / 0.219089 = −1.825742, p = 0.0679; at 60 days pooled 9/20,
     * SE = √(0.45 × 0.55 × 0.2) = 0.222486, z = −2.247333, p = 0.0246; at 90 days pooled 0.5, SE = 0.223607,
     * z = −1.788854, p = 0.0736.
     */
    @Test
    void theCollectionRateAtThirtySixtyAndNinetyDaysWithItsIntervalAndTheTest() {
        JsonNode report = report("alex");
        assertThat(line(report, "collection_rate_30d", "CHAMPION", null)).isEqualTo("60.0 % 6/10 n=10 ci 31.3–83.2 p – –");
        assertThat(line(report, "collection_rate_30d", "CHALLENGER", null)).isEqualTo("20.0 % 2/10 n=10 ci 5.7–51.0 p 0.0679 –");
        assertThat(line(report, "collection_rate_60d", "CHAMPION", null)).isEqualTo("70.0 % 7/10 n=10 ci 39.7–89.2 p – –");
        assertThat(line(report, "collection_rate_60d", "CHALLENGER", null)).isEqualTo("20.0 % 2/10 n=10 ci 5.7–51.0 p 0.0246 –");
        assertThat(line(report, "collection_rate_90d", "CHALLENGER", null)).isEqualTo("30.0 % 3/10 n=10 ci 10.8–60.3 p 0.0736 –");
        // by amount: Σ paid within the window / Σ owed at entry, 1 000 EUR a variant
        assertThat(line(report, "collected_amount_30d", "CHAMPION", "EUR")).isEqualTo("60.0 % 600.00/1000.00 n=10 ci – p – –");
        assertThat(line(report, "collected_amount_30d", "CHALLENGER", "EUR")).isEqualTo("25.0 % 250.00/1000.00 n=10 ci – p – –");
        assertThat(line(report, "collected_amount_90d", "CHALLENGER", "EUR")).isEqualTo("35.0 % 350.00/1000.00 n=10 ci – p – –");
    }

    /**
     * Closed as PAID: champion 7 of 10 (Wilson 39.7–89.2 %), challenger 3 of 11 = 27.3 % ((0.272727 + 0.174612 ±
     * 0.275…) / 1.349224 = 9.7–56.6 %); pooled 10/21, SE = √(0.476190 × 0.523810 × (1/11 + 1/10)) = 0.218218,
     * z = (0.272727 − 0.7) / 0.218218 = −1.958010, p = 0.0502. Recovery: champion (6 × 10 + 50) / 7 = 15.7 days,
     * challenger (10 + 10 + 80) / 3 = 33.3 days.
     */
    @Test
    void theCureRateAndTheRecoveryTime() {
        JsonNode report = report("maria");
        assertThat(line(report, "tickets", "CHAMPION", null)).startsWith("10 tickets");
        assertThat(line(report, "tickets", "CHALLENGER", null)).startsWith("11 tickets");
        assertThat(line(report, "cure_rate", "CHAMPION", null)).isEqualTo("70.0 % 7/10 n=10 ci 39.7–89.2 p – –");
        assertThat(line(report, "cure_rate", "CHALLENGER", null)).isEqualTo("27.3 % 3/11 n=11 ci 9.7–56.6 p 0.0502 –");
        assertThat(line(report, "recovery_days_average", "CHAMPION", null)).isEqualTo("15.7 days 110/7 n=7 ci – p – –");
        assertThat(line(report, "recovery_days_average", "CHALLENGER", null)).isEqualTo("33.3 days 100/3 n=3 ci – p – –");
    }

    /**
     * Contacts (the reply is the debtor's, not ours): champion 10 SMS × 0.10 + 5 calls × 4 min × 0.50 = 11.00 EUR for
     * 700 EUR collected = 0.0157 per EUR; challenger 10 e-mails × 0.02 + 2 letters × 1.50 = 3.20 EUR for 350 EUR =
     * 0.0091 per EUR.
     */
    @Test
    void theContactsAndTheirCostPerAmountCollected() {
        JsonNode report = report("alex");
        assertThat(line(report, "contacts", "CHAMPION", null)).startsWith("15 contacts");
        assertThat(line(report, "contacts_sms", "CHAMPION", null)).startsWith("10 contacts");
        assertThat(line(report, "contacts_call", "CHAMPION", null)).startsWith("5 contacts");
        assertThat(line(report, "contacts", "CHALLENGER", null)).startsWith("12 contacts");
        assertThat(line(report, "contacts_letter", "CHALLENGER", null)).startsWith("2 contacts");
        assertThat(line(report, "contacts_sms", "CHALLENGER", null)).isEqualTo("absent");
        assertThat(line(report, "contact_cost", "CHAMPION", "EUR")).startsWith("11.00 EUR");
        assertThat(line(report, "contact_cost", "CHALLENGER", "EUR")).startsWith("3.20 EUR");
        assertThat(line(report, "cost_per_amount_collected", "CHAMPION", "EUR"))
                .isEqualTo("0.0157 EUR per EUR collected 11.00/700.00 n=10 ci – p – –");
        assertThat(line(report, "cost_per_amount_collected", "CHALLENGER", "EUR"))
                .isEqualTo("0.0091 EUR per EUR collected 3.20/350.00 n=11 ci – p – –");
    }

    /**
     * The champion has 4 judged promises, under the minimum of 5: its rate is shown without an interval and says so;
     * the challenger has 5 (1 kept: Wilson 3.6–62.4 %) but no test, since the champion has too few.
     */
    @Test
    void underTheMinimumSampleARateSaysNotEnoughDataYetAndGetsNoIntervalNorTest() {
        JsonNode report = report("alex");
        assertThat(line(report, "promise_kept_rate", "CHAMPION", null))
                .isEqualTo("75.0 % 3/4 n=4 ci – p – not enough data yet: 4 of the 5 promises needed");
        assertThat(line(report, "promise_kept_rate", "CHALLENGER", null))
                .isEqualTo("20.0 % 1/5 n=5 ci 3.6–62.4 p – no test yet: the champion has 4 of the 5 promises needed");
        assertThat(report.get("parameters").get("minimumSample").asText()).isEqualTo("5");
    }

    @Test
    void aCollectorIsRefusedAndAnonymousIsAskedToLogIn() {
        ResponseEntity<String> collector = http.withBasicAuth("carla", TestUsers.PASSWORD).getForEntity("/api/reports/variants", String.class);
        assertThat(collector.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(collector.getHeaders().getContentType().toString()).startsWith("application/problem+json");
        assertThat(collector.getBody()).doesNotContain("CHAMPION");
        assertThat(http.getForEntity("/api/reports/variants", String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void aPeriodLimitsTheTicketsToThoseOpenedInIt() {
        JsonNode june = parse(http.withBasicAuth("alex", TestUsers.PASSWORD)
                .getForEntity("/api/reports/variants?from=2026-06-01&to=2026-06-30", String.class).getBody());
        assertThat(line(june, "tickets", "CHAMPION", null)).startsWith("0 tickets");
        assertThat(line(june, "tickets", "CHALLENGER", null)).startsWith("1 tickets");
        assertThat(line(june, "collection_rate_30d", "CHALLENGER", null))
                .isEqualTo("– % 0/0 n=0 ci – p – not enough data yet: 0 of the 5 tickets needed");
        ResponseEntity<String> backwards = http.withBasicAuth("alex", TestUsers.PASSWORD)
                .getForEntity("/api/reports/variants?from=2026-06-30&to=2026-06-01", String.class);
        assertThat(backwards.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(backwards.getBody()).contains("\"parameter\":\"from\"");
    }

    // ---------------------------------------------------------------- fixture and reading

    private JsonNode report(String user) {
        ResponseEntity<String> answer = http.withBasicAuth(user, TestUsers.PASSWORD).getForEntity("/api/reports/variants", String.class);
        assertThat(answer.getStatusCode()).as(answer.getBody()).isEqualTo(HttpStatus.OK);
        return parse(answer.getBody());
    }

    private static JsonNode parse(String body) {
        try {
            return JSON.readTree(body);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** "value unit [numerator/denominator] n=sample ci low–high p pValue note", "–" for none; "absent" without a row. */
    private static String line(JsonNode report, String kpi, String variant, String currency) {
        List<String> found = new ArrayList<>();
        for (JsonNode row : report.get("rows")) {
            if (row.get("kpi").asText().equals(kpi) && row.get("variant").asText().equals(variant)
                    && (currency == null ? row.get("currency").isNull() : currency.equals(row.get("currency").asText()))) {
                found.add(text(row, "value") + " " + text(row, "unit")
                        + (row.get("numerator").isNull() ? "" : " " + text(row, "numerator") + "/" + text(row, "denominator"))
                        + " n=" + text(row, "sample")
                        + " ci " + (row.get("ciLow").isNull() ? "–" : text(row, "ciLow") + "–" + text(row, "ciHigh"))
                        + " p " + text(row, "pValue") + " " + text(row, "note"));
            }
        }
        assertThat(found).as(kpi + " " + variant).hasSizeLessThanOrEqualTo(1);
        return found.isEmpty() ? "absent" : found.get(0);
    }

    private static String text(JsonNode row, String column) {
        return row.get(column) == null || row.get(column).isNull() ? "–" : row.get(column).asText();
    }

    /** A debtor with one 100 EUR invoice, paid (amount) on that day of the ticket, and the ticket with its variant. */
    private long ticket(String name, String variant, LocalDate openedOn, String paid, Integer paidOnDay) {
        long id = nextId++;
        Customer debtor = Debtors.of(context).debtor("LAB-" + name).name(name).phone(null).email(null).address("Street 1").book();
        Invoices invoices = Invoices.of(context);
        Invoice invoice = invoices.invoice(debtor).number("LAB-I-" + name)
                .contract(invoices.contract("LAB-K-" + name, debtor, "CONSUMER_LOAN"))
                .issued(LocalDate.of(2026, 1, 1)).due(LocalDate.of(2026, 2, 1)).amount("100").currency("EUR").book();
        if (paid != null) {
            Payments.of(context).payment(debtor).id("LAB-P-" + name).forInvoice(invoice.getInvoiceNumber()).currency("EUR")
                    .amount(paid).paidOn(openedOn.plusDays(paidOnDay)).book();
        }
        boolean cured = "100".equals(paid);
        jdbc.update("""
                insert into ticket (id, ticket_number, customer_fk, status, close_reason, currency, overdue_amount,
                                    overdue_at_entry, max_dpd, bucket, product_type, segment, strategy, opened_on, closed_at,
                                    owner, created_at, updated_at)
                values (?, ?, ?, ?, ?, 'EUR', ?, 100, 30, '1-30', 'CONSUMER_LOAN', 'STANDARD', ?, ?, ?, null,
                        current_timestamp, current_timestamp)""",
                id, "T-LAB-" + name, debtor.getId(), cured ? "CLOSED" : "OPEN", cured ? "PAID" : null,
                new BigDecimal(cured ? "0" : "100"), variant.equals("CHAMPION") ? "collection-strategy v1"
                        : "collection-strategy-challenger v1", openedOn,
                cured ? Timestamp.from(openedOn.plusDays(paidOnDay).atTime(10, 0).atZone(ZONE).toInstant()) : null);
        jdbc.update("insert into ticket_invoice (ticket_fk, invoice_fk) values (?, ?)", id, invoice.getId());
        jdbc.update("insert into strategy_variant (ticket_fk, variant, segment, share_percent, hash_bucket, assigned_at)"
                + " values (?, ?, 'STANDARD', 50, 1234, ?)", id, variant, Timestamp.from(openedOn.atStartOfDay(ZONE).toInstant()));
        return id;
    }

    private void contact(long ticket, String channel, String outcome) {
        long id = nextId++;
        jdbc.update("insert into contact_attempt (id, ticket_fk, channel, outcome, author, send_key, at) values (?, ?, ?, ?, 'system', ?, ?)",
                id, ticket, channel, outcome, "lab-" + id, Timestamp.from(Instant.parse("2026-03-02T09:00:00Z")));
    }

    private void promise(long ticket, String status) {
        jdbc.update("insert into promise (id, ticket_fk, amount, promised_date, status, author, created_at)"
                + " values (?, ?, 50, ?, ?, 'carla', ?)", nextId++, ticket, LocalDate.of(2026, 3, 20), status,
                Timestamp.from(Instant.parse("2026-03-05T09:00:00Z")));
    }
}
