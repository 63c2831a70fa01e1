package com.collectiondesk.worklist;

import static org.assertj.core.api.Assertions.assertThat;

import com.collectiondesk.ledger.Contract;
import com.collectiondesk.ledger.Customer;
import com.collectiondesk.ledger.CustomerRepository;
import com.collectiondesk.promise.Promise;
import com.collectiondesk.promise.PromiseRepository;
import com.collectiondesk.security.Groups;
import com.collectiondesk.support.IntegrationTest;
import com.collectiondesk.support.LedgerFixture;
import com.collectiondesk.support.TestUsers;
import com.collectiondesk.support.TicketDriver;
import com.collectiondesk.support.browser.HeadlessChromium;
import com.collectiondesk.support.browser.RequiresChromium;
import com.collectiondesk.support.browser.TasklistPage;
import com.collectiondesk.ticket.TicketProcess;
import com.collectiondesk.ticket.TicketRepository;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.TestPropertySource;

/**
 * A collector works a call in a real browser: Tasklist, filter "Calls due today", claim, the call form with
 * a promise, complete; the ticket API then says PROMISED. Runs on the real clock, which the webapps share.
 */
@IntegrationTest
@RequiresChromium
// The test runs on the real clock at any hour; the contact policy's quiet hours would hold the call back at night.
@TestPropertySource(properties = {
        "collection.contact-policy.countries.BG.start=00:00",
        "collection.contact-policy.countries.BG.end=23:59:59.999999999"})
class CollectorTasklistBrowserTest {

    @LocalServerPort int port;
    @Autowired ApplicationContext context;
    /** The business day (its zone, not this machine's): the form's limits and the ledger's days past due count from it. */
    @Autowired com.collectiondesk.system.BusinessClock clock;
    @Autowired ProcessEngine engine;
    @Autowired IdentityService identity;
    @Autowired CustomerRepository customers;
    @Autowired CollectorProfileRepository profiles;
    @Autowired TestRestTemplate rest;

    @Test
    void aCollectorPromisesInTheCallFormAndTheTicketIsPromised() {
        ClockUtil.reset();
        profiles.deleteAll();
        TestUsers.ensure(identity, "carla", Groups.COLLECTORS);
        LocalDate today = LocalDate.now(ZoneId.systemDefault());
        TicketDriver tickets = TicketDriver.of(context);
        String ticket = openCallableTicket();
        Task call = tickets.runUntilTask(ticket, TicketProcess.CALL_DEBTOR, false);
        assertThat(call.getAssignee()).as("nobody owns the ticket, so the call waits to be claimed").isNull();
        LocalDate promised = today.plusDays(7);

        try (HeadlessChromium browser = HeadlessChromium.start("collector-promise")) {
            TasklistPage tasklist = TasklistPage.open(browser, "http://localhost:" + port, engine.getName(), "carla", TestUsers.PASSWORD)
                    .selectFilter(TasklistFilters.CALLS_DUE_TODAY);
            browser.screenshot("calls-due-today");
            tasklist.openTaskShowing(ticket).claim();
            assertThat(tasklist.tableRows("Overdue invoices")).hasSize(2);
            assertThat(tasklist.fieldValue("Call window")).isEqualTo("Callable now");
            browser.screenshot("call-form");
            tasklist.choose("Outcome", "Promise to pay")
                    .type("Promised amount", "300")
                    .type("Promised date", promised.format(DateTimeFormatter.ofPattern("MM/dd/yyyy")));
            browser.screenshot("promise-filled");
            tasklist.complete();
            browser.screenshot("completed");

            Map<?, ?> detail = browser.waitUpTo(Duration.ofSeconds(30)).until(driver -> {
                Map<?, ?> body = rest.withBasicAuth("carla", TestUsers.PASSWORD).getForObject("/api/tickets/" + ticket, Map.class);
                return "PROMISED".equals(((Map<?, ?>) body.get("ticket")).get("status")) ? body : null;
            });
            assertThat(((Map<?, ?>) detail.get("ticket")).get("owner")).isEqualTo("carla");
        }
    }

    @Test
    void aCollectorWhoseBrowserIsSetToBritishEnglishSeesAndTypesThePromiseDateDayFirst() {
        ClockUtil.reset();
        profiles.deleteAll();
        TestUsers.ensure(identity, "cait", Groups.COLLECTORS);
        String ticket = openCallableTicket();
        Task call = TicketDriver.of(context).runUntilTask(ticket, TicketProcess.CALL_DEBTOR, false);
        LocalDate promised = LocalDate.now(ZoneId.systemDefault()).plusDays(9);
        String dayFirst = promised.format(DateTimeFormatter.ofPattern("dd/MM/yyyy"));

        // the browser's interface stays en-US (Intl's default); the viewer's language setting is en-GB
        try (HeadlessChromium browser = HeadlessChromium.start("collector-promise-en-GB", "en-GB,en")) {
            TasklistPage tasklist = TasklistPage.open(browser, "http://localhost:" + port, engine.getName(), "cait", TestUsers.PASSWORD)
                    .selectFilter(TasklistFilters.UNASSIGNED_CALLS);
            tasklist.openTaskShowing(ticket).claim();
            tasklist.choose("Outcome", "Promise to pay");
            assertThat(tasklist.fieldPlaceholder("Promised date")).isEqualTo("dd/mm/yyyy");
            tasklist.type("Promised amount", "300").type("Promised date", dayFirst);
            assertThat(tasklist.fieldValue("Promised date")).isEqualTo(dayFirst);
            browser.screenshot("promise-filled-day-first");
            tasklist.complete();

            Long ticketId = context.getBean(TicketRepository.class).findByTicketNumber(ticket).orElseThrow().getId();
            Promise recorded = browser.waitUpTo(Duration.ofSeconds(60)).until(driver -> context.getBean(PromiseRepository.class)
                    .findByTicketIdOrderByIdAsc(ticketId).stream().findFirst().orElse(null));
            assertThat(recorded.getPromisedDate()).as("the day typed, day first").isEqualTo(promised);
        }
        assertThat(engine.getTaskService().createTaskQuery().taskId(call.getId()).count()).isZero();
    }

    @Test
    void aCallWithinSevenDaysOfAConversationShowsWhenItMayBeMadeAndIsRefusedInTasklist() {
        ClockUtil.reset();
        profiles.deleteAll();
        TestUsers.ensure(identity, "cleo", Groups.COLLECTORS);
        String ticket = openCallableTicket();
        Task call = TicketDriver.of(context).runUntilTask(ticket, TicketProcess.CALL_DEBTOR, false);
        // the debtor rang and a colleague spoke with them a moment ago
        assertThat(rest.withBasicAuth("cleo", TestUsers.PASSWORD).postForEntity("/api/tickets/" + ticket + "/calls",
                Map.of("outcome", "REACHED"), Map.class).getStatusCode().value()).isEqualTo(201);
        assertThat((String) engine.getTaskService().getVariable(call.getId(), TicketProcess.CALL_WINDOW))
                .startsWith("Next callable at ").endsWith("no calls within 7 days of a conversation");

        try (HeadlessChromium browser = HeadlessChromium.start("collector-not-callable")) {
            TasklistPage tasklist = TasklistPage.open(browser, "http://localhost:" + port, engine.getName(), "cleo", TestUsers.PASSWORD)
                    .selectFilter(TasklistFilters.UNASSIGNED_CALLS);
            tasklist.openTaskShowing(ticket).claim();
            assertThat(tasklist.fieldValue("Call window")).startsWith("Next callable at ")
                    .contains("(debtor's time, " + ZoneId.systemDefault().getId() + ")");
            assertThat(tasklist.fieldValue("Last five contacts")).contains("CALL  REACHED  by cleo");
            browser.screenshot("call-form-next-callable");
            tasklist.choose("Outcome", "No answer");
            assertThat(tasklist.completeRefused("no calls within 7 days of a conversation"))
                    .contains("The task stays open").doesNotContain("ENGINE-03051");
            browser.screenshot("call-refused");
        }
        assertThat(engine.getTaskService().createTaskQuery().taskId(call.getId()).count()).isEqualTo(1);
    }

    @Test
    void aPromiseDateMoreThanThirtyDaysAheadIsAnErrorNextToTheDateFieldAndNothingIsSubmitted() {
        ClockUtil.reset();
        profiles.deleteAll();
        TestUsers.ensure(identity, "cora", Groups.COLLECTORS);
        String ticket = openCallableTicket();
        Task call = TicketDriver.of(context).runUntilTask(ticket, TicketProcess.CALL_DEBTOR, false);
        LocalDate tooFar = clock.today().plusDays(40);

        try (HeadlessChromium browser = HeadlessChromium.start("collector-promise-too-far")) {
            TasklistPage tasklist = TasklistPage.open(browser, "http://localhost:" + port, engine.getName(), "cora", TestUsers.PASSWORD)
                    .selectFilter(TasklistFilters.UNASSIGNED_CALLS);
            tasklist.openTaskShowing(ticket).claim();
            tasklist.choose("Outcome", "Promise to pay")
                    .type("Promised amount", "100")
                    .type("Promised date", tooFar.format(DateTimeFormatter.ofPattern("MM/dd/yyyy")));
            // the form's own validation: the error under the field, and Complete stays disabled, so nothing is sent
            assertThat(tasklist.fieldErrors("Promised date")).singleElement().asString()
                    .contains(clock.today().plusDays(30).toString());
            assertThat(tasklist.completeEnabled()).isFalse();
            browser.screenshot("promise-too-far");
        }
        assertThat(engine.getTaskService().createTaskQuery().taskId(call.getId()).count()).isEqualTo(1);
        assertThat(engine.getTaskService().getVariable(call.getId(), TicketProcess.CALL_OUTCOME)).isNull();
    }

    @Test
    void aCollectorsTasklistSortsByPriorityShowsAmountAndDpdOnTheCardAndOffersNoProcessStartOrTaskCreation() {
        ClockUtil.reset();
        profiles.deleteAll();
        TestUsers.ensure(identity, "cyra", Groups.COLLECTORS);
        String ticket = openCallableTicket();
        TicketDriver.of(context).runUntilTask(ticket, TicketProcess.CALL_DEBTOR, false);

        try (HeadlessChromium browser = HeadlessChromium.start("collector-tasklist-team")) {
            TasklistPage.open(browser, "http://localhost:" + port, engine.getName(), "cyra", TestUsers.PASSWORD)
                    .selectFilter(TasklistFilters.UNASSIGNED_CALLS);
            WebDriver driver = browser.driver();
            WebElement card = browser.waitUpTo(Duration.ofSeconds(30)).until(ExpectedConditions.visibilityOfElementLocated(
                    By.xpath("//ol[contains(@class,'tasks-list')]/li[contains(., '" + ticket + "')]")));
            // the saved filter's sort order, not Tasklist's "created, newest first"
            browser.waitUpTo(Duration.ofSeconds(30)).until(ExpectedConditions.textToBePresentInElementLocated(
                    By.cssSelector("[cam-sorting-choices] li.sorting-choice"), "Priority"));
            assertThat(driver.getCurrentUrl()).contains("priority");
            browser.screenshot("unassigned-calls");
            // every fact on the card is visible without "Show more"
            for (String label : new String[] {"Overdue amount", "DPD", "Call"}) {
                assertThat(card.findElements(By.xpath(".//*[contains(@class,'variable-label')][starts-with(normalize-space(.), '" + label + "')]"))
                        .stream().anyMatch(WebElement::isDisplayed)).as(label).isTrue();
            }
            assertThat(card.findElement(By.cssSelector(".task-card-details")).getSize().getHeight()).isGreaterThan(45);
            assertThat(driver.findElements(By.cssSelector(".shutter")).stream().anyMatch(WebElement::isDisplayed)).isFalse();
            assertThat(driver.findElements(By.cssSelector(".start-process-action, .create-task-action, .ce-eol-banner"))
                    .stream().anyMatch(WebElement::isDisplayed)).as("Start process, Create task, Camunda 8 banner").isFalse();
            assertThat(driver.findElement(By.tagName("body")).getText()).doesNotContain("Start process", "Create task", "Camunda 8");
        }
    }

    /** The call falls due at the end of today in the debtor's zone, which is "today" for Tasklist's filter too. */
    private String openCallableTicket() {
        LocalDate today = LocalDate.now(ZoneId.systemDefault());
        LedgerFixture ledger = LedgerFixture.of(context);
        Customer debtor = ledger.change(ledger.customer(500), stored -> stored.timeZone(ZoneId.systemDefault().getId()));
        Contract loan = ledger.contract(debtor, "CONSUMER_LOAN");
        ledger.invoice(debtor, loan, "200.00", today.minusDays(20));
        ledger.invoice(debtor, loan, "100.00", today.minusDays(5));
        return TicketDriver.of(context).open(debtor.getId(), today);
    }
}
