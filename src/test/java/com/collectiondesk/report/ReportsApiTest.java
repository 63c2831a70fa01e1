package com.collectiondesk.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.collectiondesk.csv.FormulaCells;
import com.collectiondesk.security.Groups;
import com.collectiondesk.support.IntegrationTest;
import com.collectiondesk.support.TestUsers;
import com.collectiondesk.support.browser.CamundaWebapps;
import com.collectiondesk.support.browser.HeadlessChromium;
import com.collectiondesk.support.browser.RequiresChromium;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

/**
 * The reports on {@link ReportFixture}, with every expected figure worked out by hand from the fixture's table.
 * Own context (own in-memory database): no other test's tickets get into the figures.
 */
@IntegrationTest
@TestPropertySource(properties = "collection.reports.snapshot-cron=-")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReportsApiTest {

    /** Reads numbers exactly as sent, so "500.00" stays "500.00". */
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(com.fasterxml.jackson.databind.DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .setNodeFactory(com.fasterxml.jackson.databind.node.JsonNodeFactory.withExactBigDecimals(true));
    private static final String JUNE = "from=2026-06-01&to=2026-06-30";

    @LocalServerPort int port;
    @Autowired JdbcTemplate jdbc;
    @Autowired org.springframework.context.ApplicationContext context;
    @Autowired ProcessEngine engine;
    @Autowired IdentityService identity;
    @Autowired BucketSnapshots snapshots;
    @Autowired CampaignKpis campaignKpis;
    @Autowired ReceivablesKpis receivablesKpis;

    @BeforeAll
    void loadPortfolio() {
        TestUsers.ensure(identity, "maria", Groups.MANAGERS);
        TestUsers.ensure(identity, "alex", Groups.ANALYSTS);
        TestUsers.ensure(identity, "carla", Groups.COLLECTORS);
        TestUsers.ensure(identity, "dan", Groups.COLLECTORS);
        ReportFixture.load(jdbc, engine.getTaskService(), context);
    }

    @AfterAll
    void resetClock() {
        ClockUtil.reset();
    }

    // ---------------------------------------------------------------- ticket summary

    @Test
    void openTicketsByStatusCountOverdueAmountAndAverageDpdPerCurrency() {
        JsonNode rows = json("maria", "/api/reports/tickets?groupBy=status").get("rows");
        assertThat(lines(rows, "status", "currency", "tickets", "overdueAmount", "averageDpd")).containsExactly(
                "OPEN BGN 1 500.00 5.0", "OPEN EUR 1 600.00 50.0", "PROMISED EUR 1 1500.00 36.0");
    }

    @Test
    void groupingsCombineInTheOrderAsked() {
        JsonNode rows = json("alex", "/api/reports/tickets?groupBy=owner,bucket").get("rows");
        // where the unassigned (null) owner sorts depends on the database
        assertThat(lines(rows, "owner", "bucket", "currency", "tickets", "overdueAmount", "averageDpd")).containsExactlyInAnyOrder(
                "carla 31-60 EUR 2 2100.00 43.0", "null 1-30 BGN 1 500.00 5.0");
        JsonNode all = json("alex", "/api/reports/tickets?groupBy=segment,productType,status,bucket,owner").get("rows");
        assertThat(all).hasSize(3);
        assertThat(lines(json("alex", "/api/reports/tickets").get("rows"), "currency", "tickets", "overdueAmount"))
                .containsExactly("BGN 1 500.00", "EUR 2 2100.00");
    }

    @Test
    void aDateRangeCountsTicketsOpenedInItWhateverTheirStatus() {
        JsonNode rows = json("maria", "/api/reports/tickets?groupBy=status&" + JUNE).get("rows");
        // opened in June: T2 (PROMISED), T4 (OPEN, BGN), T5 and T7 (CLOSED)
        assertThat(lines(rows, "status", "currency", "tickets")).containsExactly(
                "CLOSED EUR 2", "OPEN BGN 1", "PROMISED EUR 1");
    }

    @Test
    void unknownGroupingOrBadDateIsRefusedNamingTheParameter() {
        HttpResponse<String> unknown = get("maria", "/api/reports/tickets?groupBy=status,colour", "application/json");
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(unknown.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(parse(unknown.body()).get("parameter").asText()).isEqualTo("groupBy");
        assertThat(parse(unknown.body()).get("detail").asText()).contains("colour");

        HttpResponse<String> badDate = get("maria", "/api/reports/kpis?from=June", "text/csv");
        assertThat(badDate.statusCode()).isEqualTo(400);
        assertThat(parse(badDate.body()).get("parameter").asText()).isEqualTo("from");
        assertThat(parse(get("maria", "/api/reports/cash-forecast?days=0", null).body()).get("parameter").asText())
                .isEqualTo("days");
        assertThat(parse(get("maria", "/api/reports/aging?groupBy=customer,segment", null).body()).get("parameter").asText())
                .isEqualTo("groupBy");
        assertThat(parse(get("maria", "/api/reports/kpis?format=xlsx", null).body()).get("parameter").asText())
                .isEqualTo("format");
    }

    // ---------------------------------------------------------------- aging

    @Test
    void agingTodaySortsOpenAmountsIntoBucketsLeavingWrittenOffAndPaidOut() {
        // 20 June: I1 (due 05-01, 50 DPD) 600 and I2 (due 05-15, 36 DPD) 1500 in 31-60, I3 not due yet;
        // I5 belongs to the ticket written off on 10 June; I6 (BGN, due 06-15) 5 DPD; I8 (USD) 1000 − 200 paid − 300 cancelled;
        // I9 (CHF) due 2025-10-31, 232 DPD
        JsonNode rows = json("maria", "/api/reports/aging").get("rows");
        assertThat(lines(rows, "currency", "current", "1-30", "31-60", "61-90", "91-120", "120+", "total")).containsExactly(
                "BGN 0.00 500.00 0.00 0.00 0.00 0.00 500.00", "CHF 0.00 0.00 0.00 0.00 0.00 1000.00 1000.00", "EUR 3000.00 0.00 2100.00 0.00 0.00 0.00 5100.00",
                "USD 0.00 0.00 500.00 0.00 0.00 0.00 500.00");
    }

    @Test
    void agingOnAPastDayUsesPaymentsMadeByThenPerCustomer() {
        // 31 May: I1 1000-400 due 05-01 (30 DPD), I2 2000 (16 DPD), I7 800 (11 DPD), I5 250 (46 DPD, not yet written off),
        // I8 1000 USD (16 DPD: paid and cancelled only in June), I9 1000 CHF (212 DPD)
        JsonNode rows = json("maria", "/api/reports/aging?asOf=2026-05-31&groupBy=customer").get("rows");
        // largest totals first, then by customer id
        assertThat(lines(rows, "customerName", "currency", "1-30", "31-60", "total")).containsExactly(
                "=HYPERLINK(\"x\") EUR 2000.00 0.00 2000.00", "Theta USD 1000.00 0.00 1000.00", "Kappa CHF 0.00 0.00 1000.00",
                "Epsilon EUR 800.00 0.00 800.00",
                "Alpha Ltd EUR 600.00 0.00 600.00", "Gamma EUR 0.00 250.00 250.00");
        assertThat(lines(json("maria", "/api/reports/aging?asOf=2026-05-31&groupBy=customer&limit=2").get("rows"),
                "customerName")).containsExactly("=HYPERLINK(\"x\")", "Theta");
        JsonNode byProduct = json("maria", "/api/reports/aging?asOf=2026-05-31&groupBy=productType").get("rows");
        assertThat(lines(byProduct, "productType", "total")).containsExactly(
                "B2B_INVOICE 1000.00", "CONSUMER_LOAN 850.00", "CREDIT_CARD 2000.00", "LEASING 800.00", "TELECOM 1000.00");
        JsonNode bySegment = json("maria", "/api/reports/aging?groupBy=segment").get("rows");
        assertThat(lines(bySegment, "segment", "currency", "total")).containsExactly(
                "none CHF 1000.00", "none USD 500.00", "standard BGN 500.00", "standard EUR 5100.00");
    }

    @Test
    void aCancellationLeavesReceivablesOnTheDayItWasMadeNotBefore() {
        // I8 (USD 1000): 300 cancelled on 10 June, 200 paid on 15 June
        assertThat(usdTotal("2026-06-09")).isEqualTo("1000.00");
        assertThat(usdTotal("2026-06-10")).isEqualTo("700.00");
        assertThat(usdTotal("2026-06-15")).isEqualTo("500.00");
        JsonNode kpis = json("maria", "/api/reports/kpis?" + JUNE);
        // AR 31 May 1000, no June sales, AR 30 June 500, none of it current: (1000 + 0 − 500) / (1000 + 0 − 0)
        assertThat(kpi(kpis, "cei", "USD", "all")).isEqualTo("50.0");
        // count-back from 500: June sold nothing (30 days), May 1000: 500 / 1000 × 31 = 15.5
        assertThat(kpi(kpis, "dso_count_back", "USD", "all")).isEqualTo("45.5");
    }

    private String usdTotal(String asOf) {
        JsonNode rows = json("maria", "/api/reports/aging?asOf=" + asOf).get("rows");
        return lines(rows, "currency", "total").stream().filter(line -> line.startsWith("USD ")).map(line -> line.substring(4))
                .findFirst().orElse("none");
    }

    // ---------------------------------------------------------------- KPIs

    @Test
    void dsoStandardCountBackAndBestPossible() {
        JsonNode kpis = json("maria", "/api/reports/kpis?" + JUNE);
        // AR 30 June EUR: I1 600 + I2 1500 + I3 3000 = 5100 (I5 written off, I4 and I7 paid); June sales I3 + I4 = 4000
        assertThat(kpi(kpis, "dso_standard", "EUR", "all")).isEqualTo("38.3");          // 5100 / 4000 × 30 = 38.25
        // count-back: 5100 ≥ June 4000 → 30 days, 1100 left; May sales 2000 + 800: 1100 / 2800 × 31 = 12.18
        assertThat(kpi(kpis, "dso_count_back", "EUR", "all")).isEqualTo("42.2");
        assertThat(kpi(kpis, "dso_best_possible", "EUR", "all")).isEqualTo("22.5");    // not yet due 3000 / 4000 × 30
        assertThat(kpi(kpis, "dso_standard", "BGN", "all")).isEqualTo("30.0");          // 500 / 500 × 30, never added to EUR
        // CHF: nothing sold from November to June, 1000 in October 2025 covers the 1000 AR:
        // June 30 + May 31 + Apr 30 + Mar 31 + Feb 28 + Jan 31 + Dec 31 + Nov 30 + Oct 31 (sales older than six months)
        assertThat(kpi(kpis, "dso_count_back", "CHF", "all")).isEqualTo("273.0");
    }

    @Test
    void ceiAndBadDebtRate() {
        JsonNode kpis = json("maria", "/api/reports/kpis?" + JUNE);
        // AR 31 May 600 + 2000 + 250 + 800 = 3650; (3650 + 4000 − 5100) / (3650 + 4000 − 3000) = 2550 / 4650
        assertThat(kpi(kpis, "cei", "EUR", "all")).isEqualTo("54.8");
        assertThat(kpi(kpis, "cei", "BGN", "all")).isEqualTo("0.0");                    // (0 + 500 − 500) / (0 + 500 − 0)
        assertThat(kpi(kpis, "bad_debt_rate", "EUR", "all")).isEqualTo("6.3");          // 250 written off / 4000 sales
    }

    @Test
    void collectionRatePerCampaignWithin30To90Days() {
        JsonNode kpis = json("maria", "/api/reports/kpis?" + JUNE);
        // opened in June, v1 × standard: T2 (2000 outstanding, 500 paid 06-05) and T5 (800, paid 06-12): 1300 / 2800
        String campaign = "collection-strategy v1 | standard | 2026-06";
        assertThat(kpi(kpis, "collection_rate_30d", "EUR", campaign)).isEqualTo("46.4");
        assertThat(kpi(kpis, "collection_rate_90d", "EUR", campaign)).isEqualTo("46.4");
        assertThat(kpi(kpis, "collection_rate_30d", "BGN", "collection-strategy v2 | standard | 2026-06")).isEqualTo("0.0");
        assertThat(kpi(kpis, "collection_rate_30d", "EUR", "all")).isEqualTo("46.4");
        // two contacts on T2 for 1300 collected
        assertThat(kpi(kpis, "contacts_per_unit_collected_90d", "EUR", campaign)).isEqualTo("0.0015");
    }

    @Test
    void campaignSumsGroupedInSqlEqualTheSumsOverEveryTicketPaymentAndContact() {
        Period quarter = new Period(LocalDate.of(2026, 4, 1), ReportFixture.JUNE_30);
        java.util.Map<String, java.util.Map<String, PerRowKpis.CampaignSums>> expected = PerRowKpis.campaigns(jdbc, quarter);
        List<KpiRow> rows = campaignKpis.compute(quarter, EntityFilter.Coverage.EVERY_ENTITY);
        // April, May and June campaigns, June's opened on four different days
        assertThat(expected.keySet()).hasSizeGreaterThan(3);
        for (int w = 0; w < CampaignKpis.WINDOWS.length; w++) {
            int window = w;
            var rates = PerRowKpis.rowsOf(rows, "collection_rate_" + CampaignKpis.WINDOWS[w] + "d");
            assertThat(rates.keySet()).isEqualTo(expected.keySet());
            expected.forEach((group, byCurrency) -> byCurrency.forEach((currency, sums) -> {
                KpiRow rate = rates.get(group).get(currency);
                assertThat(rate.numerator()).as("%s %s collected", group, currency).isEqualByComparingTo(sums.collected()[window]);
                assertThat(rate.denominator()).as("%s %s outstanding", group, currency).isEqualByComparingTo(sums.outstanding());
            }));
        }
        var contacts = PerRowKpis.rowsOf(rows, "contacts_per_unit_collected_90d");
        expected.forEach((group, byCurrency) -> byCurrency.forEach((currency, sums) -> assertThat(
                contacts.get(group).get(currency).numerator()).as("%s %s contacts", group, currency)
                .isEqualByComparingTo(java.math.BigDecimal.valueOf(sums.contacts()))));
    }

    @Test
    void creditSalesSummedPerDayEqualTheInvoicesIssuedInThePeriod() {
        Period quarter = new Period(LocalDate.of(2026, 4, 1), ReportFixture.JUNE_30);
        var standardDso = PerRowKpis.rowsOf(receivablesKpis.compute(quarter, EntityFilter.Coverage.EVERY_ENTITY), "dso_standard").get(KpiRow.ALL);
        java.util.Map<String, java.math.BigDecimal> sales = PerRowKpis.creditSales(jdbc, quarter);
        assertThat(sales).containsKeys("EUR", "BGN", "USD");
        sales.forEach((currency, amount) -> assertThat(standardDso.get(currency).denominator()).as(currency)
                .isEqualByComparingTo(amount));
    }

    @Test
    void recoveryTimeAverageAndMedian() {
        JsonNode kpis = json("maria", "/api/reports/kpis?" + JUNE);
        // closed as paid in June: T7 after 4 days, T5 after 10, T6 after 30
        assertThat(kpi(kpis, "recovery_days_average", null, "all")).isEqualTo("14.7");
        assertThat(kpi(kpis, "recovery_days_median", null, "all")).isEqualTo("10.0");
        // from the due date: only T5 has invoices, due 20 May, paid 12 June
        assertThat(kpi(kpis, "recovery_days_from_due_average", null, "all")).isEqualTo("23.0");
    }

    @Test
    void promiseKeptRateByCountAndAmountLeavesCancelledOut() {
        JsonNode kpis = json("maria", "/api/reports/kpis?" + JUNE);
        // due in June: kept 500 and 200, broken 300, cancelled 900 (out), pending 400 (counted apart)
        assertThat(kpi(kpis, "promise_kept_rate", "EUR", "all")).isEqualTo("66.7");
        assertThat(kpi(kpis, "promise_kept_rate_amount", "EUR", "all")).isEqualTo("70.0");
        assertThat(kpi(kpis, "promises_pending", "EUR", "all")).isEqualTo("1");
    }

    @Test
    void rollAndCureRatesFromTheBucketSnapshots() {
        JsonNode kpis = json("maria", "/api/reports/kpis?" + JUNE);
        // 1 June 1-30: T1 600 (→ 31-60 on 20 June) and T5 800 (paid); 31-60: T3 250 (written off), T6 100 (stayed)
        assertThat(kpi(kpis, "roll_rate", "EUR", "1-30 -> 31-60")).isEqualTo("42.9");        // 600 / 1400
        assertThat(kpi(kpis, "roll_rate_count", "EUR", "1-30 -> 31-60")).isEqualTo("50.0");
        assertThat(kpi(kpis, "roll_rate", "EUR", "31-60 -> 61-90")).isEqualTo("0.0");
        assertThat(kpi(kpis, "stabilised_rate", "EUR", "31-60")).isEqualTo("28.6");          // 100 / 350
        assertThat(kpi(kpis, "cure_rate", "EUR", "1-30")).isEqualTo("50.0");
        assertThat(kpi(kpis, "cure_rate_amount", "EUR", "1-30")).isEqualTo("57.1");          // 800 / 1400
        assertThat(kpi(kpis, "cure_rate", "EUR", "31-60")).isEqualTo("0.0");                 // written-off T3 left out
        assertThat(kpi(kpis, "written_off_share", "EUR", "31-60")).isEqualTo("50.0");
        assertThat(kpi(kpis, "cure_rate", "EUR", "all")).isEqualTo("33.3");                  // 1 of 3
    }

    @Test
    void theDailySnapshotIsTakenOncePerDay() {
        LocalDate day = LocalDate.of(2026, 7, 15);
        assertThat(snapshots.take(day)).isEqualTo(3);      // T1, T2, T4 are open
        assertThat(snapshots.take(day)).isZero();
        assertThat(jdbc.queryForObject("select count(*) from bucket_snapshot where as_of = ?", Integer.class, day)).isEqualTo(3);
        assertThat(post("carla", "/api/reports/bucket-snapshots?asOf=2026-07-16").statusCode()).isEqualTo(403);
    }

    // ---------------------------------------------------------------- activities, forecast

    @Test
    void collectorEfficiencyForTheMonth() {
        JsonNode rows = json("maria", "/api/reports/activities?" + JUNE).get("rows");
        assertThat(lines(rows, "collector", "tasksOpen", "tasksOverdue", "tasksCompleted", "averageCompletionHours",
                "contacts_CALL", "contacts_SMS", "conversations", "promisesObtained", "promiseKeptRate", "collected_EUR"))
                .containsExactly("carla 2 1 1 2.0 2 1 1 4 50.0 500.00", "dan 0 0 0 null 1 0 1 1 100.0 800.00");
    }

    @Test
    void aTaskDeletedWithoutBeingDoneIsNeitherOpenNorCompleted() {
        org.camunda.bpm.engine.task.Task dropped = engine.getTaskService().newTask();
        dropped.setName("Call debtor");
        dropped.setAssignee("dan");
        engine.getTaskService().saveTask(dropped);
        assertThat(lines(json("maria", "/api/reports/activities?collector=dan").get("rows"), "collector", "tasksOpen"))
                .containsExactly("dan 1");
        engine.getTaskService().deleteTask(dropped.getId(), "ticket closed");

        JsonNode rows = json("maria", "/api/reports/activities?" + JUNE).get("rows");
        assertThat(lines(rows, "collector", "tasksOpen", "tasksCompleted")).containsExactly("carla 2 1", "dan 0 0");
    }

    @Test
    void anUpgradeCopiesTheTasksTheEngineHadBeforeTheReportKeptItsOwnTaskFacts() {
        String[] columns = {"collector", "tasksOpen", "tasksOverdue", "tasksCompleted", "averageCompletionHours"};
        List<String> before = lines(json("maria", "/api/reports/activities?" + JUNE).get("rows"), columns);
        jdbc.update("delete from report_task_fact");
        jdbc.update("delete from report_task_fact_backfill");
        assertThat(lines(json("maria", "/api/reports/activities?" + JUNE).get("rows"), columns))
                .containsExactly("carla 0 0 0 null", "dan 0 0 0 null");

        context.getBean(TaskFactBackfill.class).copyTheEnginesEarlierTasks();

        assertThat(lines(json("maria", "/api/reports/activities?" + JUNE).get("rows"), columns)).isEqualTo(before)
                .contains("carla 2 1 1 2.0");
        assertThat(jdbc.queryForObject("select count(*) from report_task_fact_backfill", Integer.class)).isEqualTo(1);
    }

    @Test
    void cashForecastWeighsPendingPromisesByTheKeptRate() {
        // only pending promise: 400 on 25 June; judged promises kept 700 of 1000 by amount
        JsonNode rows = json("maria", "/api/reports/cash-forecast?days=30").get("rows");
        assertThat(lines(rows, "date", "currency", "promises", "promisedAmount", "keptRate", "expectedAmount"))
                .containsExactly("2026-06-25 EUR 1 400.00 70.0 280.00");
        assertThat(json("maria", "/api/reports/cash-forecast?days=5").get("rows")).isEmpty();
    }

    // ---------------------------------------------------------------- CSV

    @Test
    void csvNeutralisesFormulasAndKeepsNumbersNumeric() {
        HttpResponse<String> csv = get("maria", "/api/reports/aging?asOf=2026-05-31&groupBy=customer", "text/csv");
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/csv");
        assertThat(csv.headers().firstValue("Content-Disposition").orElseThrow()).contains("aging.csv");
        List<String> lines = csv.body().lines().toList();
        assertThat(lines.get(0)).isEqualTo("customerId,customerName,currency,current,1-30,31-60,61-90,91-120,120+,total");
        assertThat(lines).contains("CUST-2,\"'=HYPERLINK(\"\"x\"\")\",EUR,0.00,2000.00,0.00,0.00,0.00,0.00,2000.00");
        assertThat(lines).noneMatch(line -> line.contains(",=") || line.startsWith("="));

        HttpResponse<String> byParameter = get("maria", "/api/reports/kpis?" + JUNE + "&format=csv", "application/json");
        assertThat(byParameter.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/csv");
        assertThat(byParameter.body()).contains("dso_count_back,EUR,all,42.2,days,5100.00,");
    }

    @Test
    void theNeutralisationRuleCoversEveryFormulaStart() {
        assertThat(List.of("=1+1", "+1", "-1", "@SUM(A1)", "\tx", "\rx").stream().map(FormulaCells::neutralise))
                .allMatch(cell -> cell.startsWith("'"));
        assertThat(FormulaCells.neutralise("Alpha Ltd")).isEqualTo("Alpha Ltd");
    }

    // ---------------------------------------------------------------- authorization

    @Test
    void collectorsSeeTheirOwnEfficiencyOnly() {
        JsonNode own = json("carla", "/api/reports/activities?" + JUNE).get("rows");
        assertThat(lines(own, "collector", "promisesObtained")).containsExactly("carla 4");
        assertThat(get("carla", "/api/reports/activities?collector=carla&" + JUNE, null).statusCode()).isEqualTo(200);
        HttpResponse<String> other = get("carla", "/api/reports/activities?collector=dan", null);
        assertThat(other.statusCode()).isEqualTo(403);
        assertThat(parse(other.body()).get("parameter").asText()).isEqualTo("collector");
        for (String report : List.of("tickets", "aging", "kpis", "cash-forecast")) {
            assertThat(get("carla", "/api/reports/" + report, null).statusCode()).as(report).isEqualTo(403);
        }
        assertThat(get(null, "/api/reports/kpis", null).statusCode()).isEqualTo(401);
    }

    @Test
    void aCockpitSessionMayReadReportsButNotChangeAnything() throws Exception {
        CookieManager cookies = new CookieManager();
        HttpClient client = HttpClient.newBuilder().cookieHandler(cookies).build();
        String base = "http://localhost:" + port;
        client.send(HttpRequest.newBuilder(URI.create(base + "/camunda/app/cockpit/")).build(), HttpResponse.BodyHandlers.ofString());
        String xsrf = cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("XSRF-TOKEN"))
                .findFirst().orElseThrow().getValue();
        HttpResponse<String> login = client.send(HttpRequest.newBuilder(URI.create(base + "/camunda/api/admin/auth/user/"
                        + engine.getName() + "/login/cockpit")).header("X-XSRF-TOKEN", xsrf)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=maria&password=" + URLEncoder.encode(TestUsers.PASSWORD,
                        StandardCharsets.UTF_8))).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(login.statusCode()).isEqualTo(200);

        HttpResponse<String> read = client.send(HttpRequest.newBuilder(URI.create(base + "/api/reports/tickets")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(read.statusCode()).isEqualTo(200);
        assertThat(parse(read.body()).get("rows")).hasSize(2);
        HttpResponse<String> write = client.send(HttpRequest.newBuilder(URI.create(base + "/api/reports/bucket-snapshots"))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(write.statusCode()).isEqualTo(401);
        HttpResponse<String> otherApi = client.send(HttpRequest.newBuilder(URI.create(base + "/api/me")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(otherApi.statusCode()).isEqualTo(401);
    }

    // ---------------------------------------------------------------- Cockpit plugin

    @Test
    void theAppServesTheCockpitConfigThatRegistersTheDashboardPluginAndItsChartLibrary() {
        HttpResponse<String> config = get(null, "/camunda/app/cockpit/scripts/config.js", null);
        assertThat(config.statusCode()).isEqualTo(200);
        assertThat(config.body()).contains("'scripts/collection-dashboard/plugin.js'");
        HttpResponse<String> plugin = get(null, "/camunda/app/cockpit/scripts/collection-dashboard/plugin.js", null);
        assertThat(plugin.statusCode()).isEqualTo(200);
        assertThat(plugin.body()).contains("pluginPoint: 'cockpit.dashboard'");
        HttpResponse<String> chartJs = get(null, "/webjars/chart.js/dist/chart.umd.js", null);
        assertThat(chartJs.statusCode()).isEqualTo(200);
        assertThat(chartJs.body()).contains("Chart.js v4");
    }

    @Nested
    @RequiresChromium
    class CockpitDashboard {

        @Test
        void managerSeesTheKpiTilesWithTheMonthsFigures() {
            try (HeadlessChromium browser = HeadlessChromium.start("cockpit-collection-dashboard")) {
                CamundaWebapps.login(browser, "http://localhost:" + port, "cockpit", engine.getName(), "maria",
                        TestUsers.PASSWORD);
                browser.waitUpTo(Duration.ofSeconds(30)).until(ExpectedConditions.presenceOfElementLocated(
                        By.cssSelector("#cd-efficiency table")));
                assertThat(tile(browser, "open-tickets")).isEqualTo("3");
                assertThat(tile(browser, "overdue-amount")).isEqualTo("500.00 BGN · 2,100.00 EUR");
                assertThat(tile(browser, "dso")).isEqualTo("BGN 30.0 days · EUR 38.3 days");
                // rates are percentages, not amounts ("66.7 EUR" before issue 15)
                assertThat(tile(browser, "promise-kept-rate")).isEqualTo("66.7 %");
                assertThat(tile(browser, "collection-rate")).isEqualTo("BGN 0.0 % · EUR 46.4 %");
                // one aging chart per currency: amounts in two currencies never share an axis
                assertThat(browser.driver().findElements(By.cssSelector("canvas.cd-aging-chart")))
                        .extracting(canvas -> canvas.getAttribute("data-currency")).doesNotHaveDuplicates().contains("BGN", "EUR");
                String efficiency = browser.driver().findElement(By.cssSelector("#cd-efficiency table")).getText();
                assertThat(efficiency).contains("carla").contains("dan").contains("Open tasks").contains("Calls")
                        .contains("Promise-kept rate").doesNotContain("tasksOpen").doesNotContain("contacts_CALL");
                Object onTop = ((org.openqa.selenium.JavascriptExecutor) browser.driver()).executeScript("return document"
                        + ".querySelector('.ctn-view.dashboard').firstElementChild.contains(document.querySelector('.cd-dashboard'))");
                assertThat(onTop).as("the Collections dashboard opens Cockpit's start page").isEqualTo(true);
                browser.screenshot("dashboard");
                ((org.openqa.selenium.JavascriptExecutor) browser.driver())
                        .executeScript("document.getElementById('cd-efficiency').scrollIntoView()");
                browser.screenshot("charts");
            }
        }

        private String tile(HeadlessChromium browser, String kpi) {
            return browser.driver().findElement(By.cssSelector("[data-kpi='" + kpi + "'] .cd-tile-value")).getText();
        }
    }

    // ---------------------------------------------------------------- helpers

    private JsonNode json(String user, String path) {
        HttpResponse<String> response = get(user, path, "application/json");
        assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
        return parse(response.body());
    }

    private static JsonNode parse(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new AssertionError("Not JSON: " + body, e);
        }
    }

    /** The KPI's value as text, "null" when it has none; fails if the KPI row is missing. */
    private static String kpi(JsonNode kpis, String name, String currency, String group) {
        for (JsonNode row : kpis.get("rows")) {
            if (row.get("kpi").asText().equals(name) && row.get("group").asText().equals(group)
                    && (currency == null ? row.get("currency").isNull() : currency.equals(row.get("currency").asText()))) {
                return row.get("value").asText();
            }
        }
        throw new AssertionError("No KPI " + name + " " + currency + " " + group + " in " + kpis.get("rows"));
    }

    private static List<String> lines(JsonNode rows, String... columns) {
        List<String> lines = new ArrayList<>();
        for (JsonNode row : rows) {
            List<String> cells = new ArrayList<>();
            for (String column : columns) {
                cells.add(row.get(column) == null ? "absent" : row.get(column).asText());
            }
            lines.add(String.join(" ", cells));
        }
        return lines;
    }

    private HttpResponse<String> get(String user, String path, String accept) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
        if (accept != null) {
            request.header("Accept", accept);
        }
        return send(user, request.GET());
    }

    private HttpResponse<String> post(String user, String path) {
        return send(user, HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).POST(HttpRequest.BodyPublishers.noBody()));
    }

    private static HttpResponse<String> send(String user, HttpRequest.Builder request) {
        if (user != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                    (user + ":" + TestUsers.PASSWORD).getBytes(StandardCharsets.UTF_8)));
        }
        try {
            return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
