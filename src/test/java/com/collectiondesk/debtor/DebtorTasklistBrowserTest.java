package com.collectiondesk.debtor;

import static org.assertj.core.api.Assertions.assertThat;

import com.collectiondesk.ledger.Contract;
import com.collectiondesk.ledger.Customer;
import com.collectiondesk.security.Groups;
import com.collectiondesk.support.IntegrationTest;
import com.collectiondesk.support.LedgerFixture;
import com.collectiondesk.support.TestUsers;
import com.collectiondesk.support.TicketDriver;
import com.collectiondesk.support.browser.CamundaWebapps;
import com.collectiondesk.support.browser.HeadlessChromium;
import com.collectiondesk.support.browser.RequiresChromium;
import com.collectiondesk.support.browser.TasklistPage;
import com.collectiondesk.ticket.TicketProcess;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.TestPropertySource;

/**
 * A collector finds a debtor's call by the name typed without accents into Tasklist's search box, opens the task's
 * Debtor tab and sees the invoices and contacts; a manager sees the same view on the ticket's instance in Cockpit.
 */
@IntegrationTest
@RequiresChromium
// real clock at any hour: the contact policy's quiet hours would hold the call back at night; and a context of its
// own (the last property): Camunda's webapps keep static runtime delegates that point at the context started last,
// so a Tasklist served by an older cached context can answer 500 when another context started in between
@TestPropertySource(properties = {
        "collection.contact-policy.countries.BG.start=00:00",
        "collection.contact-policy.countries.BG.end=23:59:59.999999999",
        "spring.application.name=collection-desk-debtor-tab"})
class DebtorTasklistBrowserTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @LocalServerPort int port;
    @Autowired ApplicationContext context;
    /** The business day (its zone, not this machine's): the form's limits and the ledger's days past due count from it. */
    @Autowired com.collectiondesk.system.BusinessClock clock;
    @Autowired ProcessEngine engine;
    @Autowired IdentityService identity;
    @Autowired TestRestTemplate rest;

    private final String token = "zq" + Integer.toString(new Random().nextInt(1 << 30), 36);

    @Test
    void aCollectorFindsTheDebtorByNameAndReadsTheDebtorTab() {
        ClockUtil.reset();
        TestUsers.ensure(identity, "dora", Groups.COLLECTORS);
        TestUsers.ensure(identity, "mara", Groups.MANAGERS);
        String ticket = openCallableTicket("Đorđe Šćepanović " + token);
        String otherTicket = openCallableTicket("Ivana Petrova " + token);
        // a colleague spoke with the debtor: a contact with an author and a note
        assertThat(rest.withBasicAuth("dora", TestUsers.PASSWORD).postForEntity("/api/tickets/" + ticket + "/calls",
                Map.of("outcome", "REACHED", "note", "Will pay on Friday " + token), Map.class).getStatusCode().value()).isEqualTo(201);

        try (HeadlessChromium browser = HeadlessChromium.start("debtor-search")) {
            TasklistPage tasklist = TasklistPage.open(browser, "http://localhost:" + port, engine.getName(), "dora", TestUsers.PASSWORD)
                    // not "Calls due today": after the conversation below the call may not be made now
                    .selectFilter("Unassigned calls");
            WebDriver driver = browser.driver();
            WebElement search = browser.waitUpTo(PATIENCE).until(ExpectedConditions.elementToBeClickable(
                    By.cssSelector("[cam-widget-search] input.main-field")));
            search.sendKeys("scepanovic " + token.toUpperCase());
            search.sendKeys(Keys.ENTER);
            try {
                browser.waitUpTo(PATIENCE).until(d -> {
                    List<String> shown = cards(d);
                    return shown.size() == 1 && shown.get(0).contains(ticket);
                });
            } catch (org.openqa.selenium.TimeoutException e) {
                throw new AssertionError("the search did not narrow the list to " + ticket + "; search box: "
                        + driver.findElement(By.cssSelector("[cam-widget-search]")).getText() + "; cards: " + cards(driver)
                        + "; page at " + browser.screenshot("not-found"), e);
            }
            assertThat(driver.findElement(By.cssSelector("[cam-widget-search]")).getText()).contains("Debtor (name or phone)");
            assertThat(String.join("\n", cards(driver))).doesNotContain(otherTicket);
            browser.screenshot("found-by-name");

            tasklist.openTaskShowing(ticket);
            clickWhenReady(browser, By.xpath("//ul[contains(@class,'nav-tabs')]//a[normalize-space(.)='Debtor']"));
            WebElement invoices = overviewTable(browser, "invoices");
            List<String> invoiceRows = invoices.findElements(By.cssSelector("tbody tr")).stream().map(WebElement::getText).toList();
            assertThat(invoiceRows).hasSize(2);
            assertThat(invoiceRows.get(0)).contains("INV-" + token + "-1", "20");
            assertThat(invoiceRows.get(1)).contains("INV-" + token + "-2", "5");
            String contacts = driver.findElement(By.cssSelector(".cd-debtor table[data-table='contacts']")).getText();
            assertThat(contacts).contains("CALL", "REACHED", "dora", "Will pay on Friday " + token);
            assertThat(driver.findElement(By.cssSelector(".cd-debtor")).getText())
                    .contains("Đorđe Šćepanović " + token, "Contact points and consents", "Ticket " + ticket, "Next step");
            browser.screenshot("debtor-tab");
            ((org.openqa.selenium.JavascriptExecutor) driver).executeScript(
                    "document.querySelector(\"table[data-table='contacts']\").scrollIntoView({block:'center'})");
            browser.screenshot("debtor-tab-contacts");
        }

        try (HeadlessChromium browser = HeadlessChromium.start("debtor-cockpit")) {
            String base = "http://localhost:" + port;
            CamundaWebapps.login(browser, base, "cockpit", engine.getName(), "mara", TestUsers.PASSWORD);
            String instanceId = engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(ticket)
                    .processDefinitionKey(TicketProcess.KEY).singleResult().getId();
            browser.driver().get(base + "/camunda/app/cockpit/" + engine.getName() + "/#/process-instance/" + instanceId + "/runtime");
            clickWhenReady(browser, By.xpath("//ul[contains(@class,'nav-tabs')]//a[normalize-space(.)='Debtor']"));
            WebElement invoices = overviewTable(browser, "invoices");
            assertThat(invoices.findElements(By.cssSelector("tbody tr"))).hasSize(2);
            browser.screenshot("cockpit-debtor-tab");
        }
    }

    /** A table of the Debtor tab, once drawn; on a timeout the page, what the tab says and whether its script loads. */
    private static WebElement overviewTable(HeadlessChromium browser, String table) {
        try {
            return browser.waitUpTo(PATIENCE).until(ExpectedConditions.visibilityOfElementLocated(
                    By.cssSelector(".cd-debtor table[data-table='" + table + "']")));
        } catch (org.openqa.selenium.TimeoutException e) {
            Object tab = ((org.openqa.selenium.JavascriptExecutor) browser.driver()).executeScript(
                    "const d = document.querySelector('.cd-debtor'); return d ? d.innerText : 'no .cd-debtor';");
            Object script = ((org.openqa.selenium.JavascriptExecutor) browser.driver()).executeAsyncScript(
                    "const done = arguments[arguments.length - 1];"
                            + "import('/camunda/app/tasklist/scripts/debtor-overview/overview.js').then(() => done('loads'), e => done(String(e)));");
            throw new AssertionError("no " + table + " table; tab: " + tab + "; script: " + script + "; page at "
                    + browser.screenshot("no-" + table), e);
        }
    }

    private static List<String> cards(WebDriver driver) {
        return driver.findElements(By.cssSelector("ol.tasks-list > li")).stream().map(WebElement::getText).toList();
    }

    private static void clickWhenReady(HeadlessChromium browser, By locator) {
        WebElement element = browser.waitUpTo(PATIENCE).until(ExpectedConditions.elementToBeClickable(locator));
        ((org.openqa.selenium.JavascriptExecutor) browser.driver()).executeScript("arguments[0].scrollIntoView({block:'center'}); arguments[0].click();", element);
    }

    /** A call due today in the debtor's zone, after the plan's first SMS; returns the ticket number. */
    private String openCallableTicket(String name) {
        LocalDate today = clock.today();
        LedgerFixture ledger = LedgerFixture.of(context);
        Customer debtor = ledger.change(ledger.customer(500), stored -> stored.name(name).timeZone(ZoneId.systemDefault().getId()));
        Contract loan = ledger.contract(debtor, "CONSUMER_LOAN");
        com.collectiondesk.support.ledger.Invoices invoices = com.collectiondesk.support.ledger.Invoices.of(context);
        String suffix = name.startsWith("Ivana") ? "-other" : "";
        invoices.invoice(debtor).contract(loan).number("INV-" + token + suffix + "-1").amount("200.00").due(today.minusDays(20)).book();
        invoices.invoice(debtor).contract(loan).number("INV-" + token + suffix + "-2").amount("100.00").due(today.minusDays(5)).book();
        String ticket = TicketDriver.of(context).open(debtor.getId(), today);
        TicketDriver.of(context).runUntilTask(ticket, TicketProcess.CALL_DEBTOR, false);
        return ticket;
    }
}
