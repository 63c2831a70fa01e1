package com.collectiondesk.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.collectiondesk.ledger.Customer;
import com.collectiondesk.support.IntegrationTest;
import com.collectiondesk.support.ledger.Debtors;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import com.collectiondesk.security.Groups;
import com.collectiondesk.support.TestUsers;
import com.collectiondesk.support.browser.CamundaWebapps;
import com.collectiondesk.support.browser.HeadlessChromium;
import com.collectiondesk.support.browser.RequiresChromium;
import java.time.Duration;
import java.util.Date;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

/**
 * Own context (own in-memory database, by its property source): no other test's tickets get into the figures.
 * The self-service KPIs on a small September 2026 fixture, each figure worked out by hand (business zone Europe/Sofia):
 *
 * <pre>
 * ticket  status (closed)      calls / promises               links (channel: sent → first opened)
 * 9101    PAID 09-10           – / PROMISE by the debtor      SMS 09-01 → 09-01, EMAIL 09-05 → never
 * 9102    PAID 09-12           CALL by carla                  SMS 08-28 → 09-02
 * 9103    PAID 09-15           – / PROMISE by carla           –
 * 9104    OPEN                 –                              LETTER 09-20 → 09-21
 * 9105    PAID 08-30 (before)  –                              –
 *
 * links sent in September 3 (SMS 1, EMAIL 1, LETTER 1), opened 3 (SMS 2, LETTER 1); of those sent, 2 opened: 66.7 %
 * actions by the debtor: SELF_SERVICE_PAYMENT, PROMISE (9101), DISPUTE, OPT_OUT, CONTACT_PREFERENCE (9104) = 5;
 *   not counted: the opening, an SMS reply, carla's promise, a payment entry at 08-31 23:30 Sofia
 * paid through the page: EUR 120.00 + 80.50 + 30.00 (settled 08-31 21:30 UTC = 09-01 00:30 Sofia) = 230.50 in 3;
 *   BGN 10.00 in 1; a failed one and one of August not counted
 * paid without a collector: 9101 of 9101, 9102, 9103 = 1 / 3 = 33.3 %
 * plans: 9101 approved at once 09-04; 9104 approved by carla 09-21, its instalment 1 missed 09-26 (broken);
 *   9102 refused 09-02 and 9103 approved 08-20 (kept): approved 2 (at once 1, by the owner 1), broken 1
 * </pre>
 */
@IntegrationTest
@TestPropertySource(properties = {"collection.reports.snapshot-cron=-", "collection.self-service.disputes.attachment-max-size=5MB"})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SelfServiceKpisTest {

    private static final ZoneId SOFIA = ZoneId.of("Europe/Sofia");

    @Autowired JdbcTemplate jdbc;
    @Autowired ApplicationContext context;
    @Autowired SelfServiceKpis kpis;
    @Autowired KpiReport report;
    @Autowired ProcessEngine engine;
    @LocalServerPort int port;

    private long linkIds = 9200;

    @BeforeAll
    void september() {
        Debtors debtors = Debtors.of(context);
        Customer one = debtors.debtor("SSK-1").book();
        Customer two = debtors.debtor("SSK-2").book();
        Customer three = debtors.debtor("SSK-3").book();
        Customer four = debtors.debtor("SSK-4").book();
        ticket(9101, one, "CLOSED", "PAID", "2026-09-10");
        ticket(9102, two, "CLOSED", "PAID", "2026-09-12");
        ticket(9103, three, "CLOSED", "PAID", "2026-09-15");
        ticket(9104, four, "OPEN", null, null);
        ticket(9105, four, "CLOSED", "PAID", "2026-08-30");

        long l1 = link(9101, one, "SMS", sofia("2026-09-01T09:00"), sofia("2026-09-01T10:00"));
        link(9101, one, "EMAIL", sofia("2026-09-05T09:00"), null);
        long l3 = link(9102, two, "SMS", sofia("2026-08-28T09:00"), sofia("2026-09-02T12:00"));
        long l4 = link(9104, four, "LETTER", sofia("2026-09-20T09:00"), sofia("2026-09-21T18:00"));

        event(9301, 9101, "SELF_SERVICE_OPENED", "debtor", sofia("2026-09-01T10:00"));
        event(9302, 9101, "SELF_SERVICE_PAYMENT", "debtor", sofia("2026-09-03T10:00"));
        event(9303, 9101, "PROMISE", "debtor", sofia("2026-09-04T10:00"));
        event(9304, 9104, "DISPUTE", "debtor", sofia("2026-09-21T18:05"));
        event(9305, 9104, "OPT_OUT", "debtor", sofia("2026-09-21T18:06"));
        event(9306, 9104, "CONTACT_PREFERENCE", "debtor", sofia("2026-09-21T18:07"));
        event(9307, 9102, "REPLY", "debtor", sofia("2026-09-02T12:05"));
        event(9308, 9103, "PROMISE", "carla", sofia("2026-09-05T10:00"));
        event(9309, 9101, "SELF_SERVICE_PAYMENT", "debtor", sofia("2026-08-31T23:30"));
        jdbc.update("insert into contact_attempt (id, ticket_fk, channel, outcome, author, send_key, at) values (9401, 9102, 'CALL',"
                + " 'REACHED', 'carla', 'ssk-9401', ?)", Timestamp.from(sofia("2026-09-03T10:00")));

        payment(l1, 9101, one, "120.00", "EUR", "BOOKED", sofia("2026-09-03T10:00"));
        payment(l1, 9101, one, "80.50", "EUR", "BOOKED", sofia("2026-09-09T10:00"));
        payment(l4, 9104, four, "50.00", "EUR", "FAILED", null);
        payment(l3, 9102, two, "30.00", "EUR", "BOOKED", Instant.parse("2026-08-31T21:30:00Z"));
        payment(l3, 9102, two, "99.00", "EUR", "BOOKED", sofia("2026-08-31T12:00"));
        payment(l4, 9104, four, "10.00", "BGN", "BOOKED", sofia("2026-09-25T10:00"));

        plan(9501, l1, 9101, one, "ACTIVE", true, sofia("2026-09-04T10:00"));
        plan(9502, l4, 9104, four, "BROKEN", false, sofia("2026-09-21T18:10"));
        instalment(9502, 1, "MISSED", sofia("2026-09-26T00:05"));
        instalment(9502, 2, "PENDING", null);
        plan(9503, l3, 9102, two, "REFUSED", false, sofia("2026-09-02T12:10"));
        plan(9504, l3, 9103, three, "KEPT", true, sofia("2026-08-20T10:00"));
        instalment(9504, 1, "PAID", sofia("2026-09-05T10:00"));
    }

    @Test
    void linksSentAndOpenedPerChannelAndAll() {
        List<KpiRow> rows = kpis.compute(period(), EntityFilter.Coverage.EVERY_ENTITY);

        assertThat(value(rows, "self_service_links_sent", "all")).isEqualByComparingTo("3");
        assertThat(value(rows, "self_service_links_opened", "all")).isEqualByComparingTo("3");
        assertThat(row(rows, "self_service_open_rate", "all")).satisfies(rate -> {
            assertThat(rate.value()).isEqualByComparingTo("66.7");
            assertThat(rate.numerator()).isEqualByComparingTo("2");
            assertThat(rate.denominator()).isEqualByComparingTo("3");
        });
        assertThat(value(rows, "self_service_links_sent", "SMS")).isEqualByComparingTo("1");
        assertThat(value(rows, "self_service_links_opened", "SMS")).isEqualByComparingTo("2");
        assertThat(value(rows, "self_service_open_rate", "EMAIL")).isEqualByComparingTo("0.0");
        assertThat(value(rows, "self_service_open_rate", "LETTER")).isEqualByComparingTo("100.0");
    }

    @Test
    void actionsByTypeCountOnlyWhatTheDebtorDidOnThePage() {
        List<KpiRow> rows = kpis.compute(period(), EntityFilter.Coverage.EVERY_ENTITY);

        assertThat(rows).filteredOn(r -> r.kpi().equals("self_service_actions") && !r.group().equals("all"))
                .extracting(KpiRow::group, r -> r.value().intValue())
                .containsExactly(tuple("CONTACT_PREFERENCE", 1), tuple("DISPUTE", 1),
                        tuple("OPT_OUT", 1), tuple("PROMISE", 1),
                        tuple("SELF_SERVICE_PAYMENT", 1));
        assertThat(value(rows, "self_service_actions", "all")).isEqualByComparingTo("5");
    }

    @Test
    void moneyPaidThroughThePagePerCurrencyOnBusinessDays() {
        List<KpiRow> rows = kpis.compute(period(), EntityFilter.Coverage.EVERY_ENTITY).stream().filter(r -> r.kpi().equals("self_service_paid")).toList();

        assertThat(rows).extracting(KpiRow::currency, r -> r.value().toPlainString(), r -> r.numerator().intValue())
                .containsExactly(tuple("BGN", "10.00", 1), tuple("EUR", "230.50", 3));
    }

    @Test
    void plansApprovedAtOnceAndByTheOwnerAndPlansBrokenInThePeriod() {
        List<KpiRow> rows = kpis.compute(period(), EntityFilter.Coverage.EVERY_ENTITY);

        assertThat(value(rows, "self_service_plans_approved", "at_once")).isEqualByComparingTo("1");
        assertThat(value(rows, "self_service_plans_approved", "by_owner")).isEqualByComparingTo("1");
        assertThat(value(rows, "self_service_plans_approved", "all")).isEqualByComparingTo("2");
        assertThat(value(rows, "self_service_plans_broken", "all")).isEqualByComparingTo("1");
        assertThat(value(kpis.compute(new Period(LocalDate.of(2026, 8, 1), LocalDate.of(2026, 8, 31)), EntityFilter.Coverage.EVERY_ENTITY),
                "self_service_plans_approved", "all")).isEqualByComparingTo("1");
    }

    @Test
    void theShareOfTicketsPaidWithoutACollectorAndTheRowsInTheKpiReport() {
        KpiRow share = row(kpis.compute(period(), EntityFilter.Coverage.EVERY_ENTITY), "resolved_without_collector_share", "all");

        assertThat(share.currency()).isEqualTo("EUR");
        assertThat(share.value()).isEqualByComparingTo("33.3");
        assertThat(share.numerator()).isEqualByComparingTo("1");
        assertThat(share.denominator()).isEqualByComparingTo("3");
        assertThat(report.run(period(), EntityFilter.Coverage.EVERY_ENTITY).rows()).extracting(row -> row.get("kpi"))
                .contains("self_service_links_sent", "self_service_actions", "self_service_paid", "resolved_without_collector_share",
                        "self_service_plans_approved", "self_service_plans_broken");
    }

    @Nested
    @RequiresChromium
    class CockpitDashboard {

        @Test
        void managerSeesTheSelfServiceTilesOfTheMonth() {
            TestUsers.ensure(engine.getIdentityService(), "ssk-manager", Groups.MANAGERS);
            ClockUtil.setCurrentTime(Date.from(sofia("2026-09-28T12:00")));
            try (HeadlessChromium browser = HeadlessChromium.start("cockpit-self-service-kpis")) {
                CamundaWebapps.login(browser, "http://localhost:" + port, "cockpit", engine.getName(), "ssk-manager", TestUsers.PASSWORD);
                browser.waitUpTo(Duration.ofSeconds(30)).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#cd-self-service")));
                assertThat(tile(browser, "self-service-links")).isEqualTo("3 / 3");
                assertThat(tile(browser, "self-service-open-rate")).isEqualTo("66.7 %");
                assertThat(tile(browser, "self-service-actions")).isEqualTo("5");
                assertThat(tile(browser, "self-service-paid")).isEqualTo("10.00 BGN · 230.50 EUR");
                assertThat(tile(browser, "resolved-without-collector")).isEqualTo("33.3 %");
                assertThat(tile(browser, "self-service-plans")).isEqualTo("2 / 1");
                ((org.openqa.selenium.JavascriptExecutor) browser.driver())
                        .executeScript("document.getElementById('cd-self-service').scrollIntoView()");
                browser.screenshot("self-service-tiles");
            } finally {
                ClockUtil.reset();
            }
        }

        private String tile(HeadlessChromium browser, String kpi) {
            return browser.driver().findElement(By.cssSelector("[data-kpi='" + kpi + "'] .cd-tile-value")).getText();
        }
    }

    private static Period period() {
        return new Period(LocalDate.of(2026, 9, 1), LocalDate.of(2026, 9, 30));
    }

    private static KpiRow row(List<KpiRow> rows, String kpi, String group) {
        return rows.stream().filter(r -> r.kpi().equals(kpi) && r.group().equals(group)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + kpi + " / " + group + " in " + rows));
    }

    private static BigDecimal value(List<KpiRow> rows, String kpi, String group) {
        return row(rows, kpi, group).value();
    }

    private static Instant sofia(String localDateTime) {
        return java.time.LocalDateTime.parse(localDateTime).atZone(SOFIA).toInstant();
    }

    private void ticket(long id, Customer customer, String status, String closeReason, String closedOn) {
        jdbc.update("""
                insert into ticket (id, ticket_number, customer_fk, status, close_reason, currency, overdue_amount,
                                    overdue_at_entry, max_dpd, bucket, product_type, segment, strategy, opened_on, closed_at,
                                    owner, created_at, updated_at)
                values (?, ?, ?, ?, ?, 'EUR', 0, 100, 10, '1-30', 'CONSUMER_LOAN', 'standard', 'collection-strategy v1', ?, ?,
                        null, current_timestamp, current_timestamp)""",
                id, "T-" + id, customer.getId(), status, closeReason, LocalDate.of(2026, 8, 1),
                closedOn == null ? null : Timestamp.from(LocalDate.parse(closedOn).atTime(10, 0).atZone(SOFIA).toInstant()));
    }

    private long link(long ticket, Customer customer, String channel, Instant created, Instant opened) {
        long id = ++linkIds;
        jdbc.update("insert into self_service_link (id, token_hash, ticket_fk, customer_fk, channel, created_at, expires_at, first_opened_at)"
                        + " values (?, ?, ?, ?, ?, ?, ?, ?)", id, "hash-" + id, ticket, customer.getId(), channel, Timestamp.from(created),
                Timestamp.from(created.plus(java.time.Duration.ofDays(30))), opened == null ? null : Timestamp.from(opened));
        return id;
    }

    private void event(long id, long ticket, String type, String author, Instant at) {
        jdbc.update("insert into ticket_event (id, ticket_fk, type, at, details, author) values (?, ?, ?, ?, 'fixture', ?)",
                id, ticket, type, Timestamp.from(at), author);
    }

    private void payment(long link, long ticket, Customer customer, String amount, String currency, String status, Instant settled) {
        jdbc.update("insert into self_service_payment (reference, link_fk, ticket_fk, customer_fk, amount, currency, provider, status,"
                        + " created_at, settled_at) values (?, ?, ?, ?, ?, ?, 'sandbox', ?, ?, ?)", "ref-" + amount + "-" + currency + "-" + ticket,
                link, ticket, customer.getId(), new BigDecimal(amount), currency, status,
                Timestamp.from(settled == null ? Instant.parse("2026-09-10T10:00:00Z") : settled), settled == null ? null : Timestamp.from(settled));
    }

    private void plan(long id, long link, long ticket, Customer customer, String status, boolean insidePolicy, Instant decided) {
        jdbc.update("""
                insert into self_service_plan (id, link_fk, ticket_fk, customer_fk, total, currency, instalments, first_date, status,
                                               inside_policy, policy_note, requested_at, requested_on, paid_before, decided_at, decided_by)
                values (?, ?, ?, ?, 200.00, 'EUR', 2, ?, ?, ?, 'fixture', ?, ?, 0, ?, ?)""",
                id, link, ticket, customer.getId(), LocalDate.ofInstant(decided, SOFIA).plusDays(5), status, insidePolicy,
                Timestamp.from(decided), LocalDate.ofInstant(decided, SOFIA), Timestamp.from(decided), insidePolicy ? null : "carla");
    }

    private void instalment(long plan, int number, String status, Instant settled) {
        jdbc.update("insert into self_service_plan_instalment (plan_fk, number, due_date, amount, cumulative, status, settled_at)"
                + " values (?, ?, ?, 100.00, ?, ?, ?)", plan, number, LocalDate.of(2026, 9, 22).plusMonths(number - 1),
                new BigDecimal(100 * number), status, settled == null ? null : Timestamp.from(settled));
    }
}
