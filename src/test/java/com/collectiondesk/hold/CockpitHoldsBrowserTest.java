package com.collectiondesk.hold;

import static org.assertj.core.api.Assertions.assertThat;

import com.collectiondesk.security.Groups;
import com.collectiondesk.support.IntegrationTest;
import com.collectiondesk.support.TestUsers;
import com.collectiondesk.support.browser.BrowserTickets;
import com.collectiondesk.support.browser.CamundaWebapps;
import com.collectiondesk.support.browser.CockpitPages;
import com.collectiondesk.support.browser.HeadlessChromium;
import com.collectiondesk.support.browser.RequiresChromium;
import com.collectiondesk.system.BusinessClock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.time.format.DateTimeFormatter;
import com.fasterxml.jackson.databind.JsonNode;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.ResponseEntity;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

/**
 * A manager works on Cockpit's "Holds" page in a real browser: a refused end date is named at its field and keeps what
 * was typed; the hold with reason, note and end date is listed, lifted, and the ticket shows both on its timeline.
 * A collector's Tasklist login and an analyst's Cockpit login are refused. Real clock, as the webapps.
 */
@IntegrationTest
@RequiresChromium
// the same context as CockpitManagerBrowserTest and CollectorTasklistBrowserTest
@TestPropertySource(properties = {
        "collection.contact-policy.countries.BG.start=00:00",
        "collection.contact-policy.countries.BG.end=23:59:59.999999999"})
class CockpitHoldsBrowserTest {

    @LocalServerPort int port;
    @Autowired ApplicationContext context;
    @Autowired ProcessEngine engine;
    @Autowired IdentityService identity;
    @Autowired JdbcTemplate jdbc;
    @Autowired BusinessClock clock;
    @Autowired TestRestTemplate http;

    @Test
    void aManagerPutsATicketOnHoldInCockpitWithReasonNoteAndEndDateAndLiftsIt() {
        ClockUtil.reset();
        String manager = "hana-" + UUID.randomUUID().toString().substring(0, 5);
        TestUsers.ensure(identity, manager, Groups.MANAGERS);
        String ticket = BrowserTickets.openCallable(context);
        LocalDate until = clock.today().plusDays(14);

        try (HeadlessChromium browser = HeadlessChromium.start("cockpit-holds")) {
            CamundaWebapps.login(browser, base(), "cockpit", engine.getName(), manager, TestUsers.PASSWORD);
            go(browser, "/holds");
            CockpitPages.waitUntil(browser, "the open holds counted", () -> browser.driver().findElement(By.id("cd-holds-area")).getText()
                    .matches("\\d+ open holds?\\."));
            WebElement ticketField = browser.driver().findElement(By.id("cd-hold-ticket"));
            ticketField.sendKeys(ticket);
            new Select(browser.driver().findElement(By.id("cd-hold-reason"))).selectByValue("HARDSHIP");
            WebElement endsOn = browser.driver().findElement(By.id("cd-hold-ends-on"));
            type(endsOn, clock.today());
            WebElement note = browser.driver().findElement(By.id("cd-hold-note"));
            note.sendKeys("lost her job, asked for two months");
            browser.driver().findElement(By.id("cd-hold-place")).click();
            CockpitPages.waitUntil(browser, "the end date refused at its field", () -> browser.driver()
                    .findElement(By.cssSelector("[data-error-for='endsOn']")).getText()
                    .equals(clock.today() + " is not after today (" + clock.today() + "); leave it out for an open-ended hold"));
            browser.screenshot("end-date-refused");
            // what was typed stays for the correction, and nothing was stored
            assertThat(ticketField.getAttribute("value")).isEqualTo(ticket);
            assertThat(note.getAttribute("value")).isEqualTo("lost her job, asked for two months");
            assertThat(holds(ticket, "lifted_at is null")).isZero();

            type(endsOn, until);
            browser.driver().findElement(By.id("cd-hold-place")).click();
            By row = By.xpath("//table[@id='cd-holds']//tr[td[1][normalize-space(.)='" + ticket + "']]");
            WebElement held = CockpitPages.waitFor(browser, row);
            assertThat(held.getText()).contains("whole ticket", "HARDSHIP, interest frozen", "MANAGER " + manager,
                    clock.today().toString(), until.toString(), "lost her job, asked for two months");
            assertThat(browser.driver().findElement(By.id("cd-hold-result")).getText())
                    .isEqualTo("Ticket " + ticket + " on hold: HARDSHIP until " + until + ".");
            assertThat(browser.driver().findElement(By.cssSelector("[data-error-for='endsOn']")).getText()).isEmpty();
            browser.screenshot("hold-placed");
            JsonNode placed = detail(manager, ticket);
            assertThat(placed.at("/holds/0/reason").asText()).isEqualTo("HARDSHIP");
            assertThat(placed.at("/holds/0/endsOn").asText()).isEqualTo(until.toString());
            assertThat(placed.at("/holds/0/note").asText()).isEqualTo("lost her job, asked for two months");
            assertThat(placed.at("/holds/0/placedBy").asText()).isEqualTo(manager);

            held.findElement(By.xpath(".//button[normalize-space(.)='Lift']")).click();
            CockpitPages.waitUntil(browser, "the hold lifted", () -> browser.driver().findElement(By.id("cd-hold-result")).getText()
                    .equals("Hold HARDSHIP on " + ticket + " lifted."));
            CockpitPages.waitUntil(browser, "the row gone", () -> browser.driver().findElements(row).isEmpty());
            browser.screenshot("hold-lifted");
            JsonNode lifted = detail(manager, ticket);
            assertThat(lifted.at("/holds/0/liftedOn").asText()).isEqualTo(clock.today().toString());
            assertThat(lifted.at("/holds/0/liftedBy").asText()).isEqualTo(manager);
            List<String> timeline = new ArrayList<>();
            lifted.get("timeline").forEach(event -> {
                if (event.get("type").asText().startsWith("HOLD")) {
                    timeline.add(event.get("type").asText() + " by " + event.get("author").asText());
                }
            });
            assertThat(timeline).containsExactly("HOLD by " + manager, "HOLD_LIFTED by " + manager);
        }
    }

    @Test
    void aCollectorCannotPutATicketOnHoldAndAnAnalystSeesTheHoldsPageRefused() {
        ClockUtil.reset();
        String run = UUID.randomUUID().toString().substring(0, 5);
        String collector = "cole-" + run;
        TestUsers.ensure(identity, collector, Groups.COLLECTORS);
        String analyst = "anna-" + run;
        TestUsers.ensure(identity, analyst, Groups.ANALYSTS);
        String ticket = BrowserTickets.openCallable(context);

        try (HeadlessChromium browser = HeadlessChromium.start("tasklist-holds-refused")) {
            // collectors have no Cockpit; their Tasklist login and its CSRF token do not reach the managers' holds
            CamundaWebapps.login(browser, base(), "tasklist", engine.getName(), collector, TestUsers.PASSWORD);
            String token = browser.driver().manage().getCookieNamed("XSRF-TOKEN").getValue();
            Object answer = ((JavascriptExecutor) browser.driver()).executeAsyncScript("const done = arguments[arguments.length - 1];"
                    + "fetch('/api/tickets/' + arguments[0] + '/holds', {method: 'POST', credentials: 'same-origin',"
                    + " headers: {'Content-Type': 'application/json', Accept: 'application/json', 'X-Requested-With': 'XMLHttpRequest',"
                    + " 'X-XSRF-TOKEN': arguments[1]}, body: JSON.stringify({reason: 'OTHER'})})"
                    + ".then(r => r.json().then(p => done(r.status + ' ' + p.detail))).catch(e => done('failed: ' + e))", ticket, token);
            assertThat(String.valueOf(answer)).startsWith("403 ").contains("managers");
        }
        try (HeadlessChromium browser = HeadlessChromium.start("cockpit-holds-refused")) {
            CamundaWebapps.login(browser, base(), "cockpit", engine.getName(), analyst, TestUsers.PASSWORD);
            go(browser, "/holds");
            CockpitPages.waitUntil(browser, "the refusal", () -> browser.driver().findElement(By.cssSelector("#cd-holds-area .cd-error"))
                    .getText().contains("managers"));
            browser.driver().findElement(By.id("cd-hold-ticket")).sendKeys(ticket);
            browser.driver().findElement(By.id("cd-hold-place")).click();
            CockpitPages.waitUntil(browser, "the placement refused", () -> browser.driver().findElement(By.id("cd-hold-result"))
                    .getText().contains("managers"));
            browser.screenshot("analyst-refused");
        }
        assertThat(holds(ticket, "1 = 1")).isZero();
    }

    /** Types a date into the date field as a user of the en-US browser does (month, day, year). */
    private static void type(WebElement dateField, LocalDate date) {
        dateField.sendKeys(date.format(DateTimeFormatter.ofPattern("MM/dd/yyyy")));
        assertThat(dateField.getAttribute("value")).isEqualTo(date.toString());
    }

    private JsonNode detail(String user, String ticket) {
        ResponseEntity<JsonNode> answer = http.withBasicAuth(user, TestUsers.PASSWORD).getForEntity("/api/tickets/" + ticket, JsonNode.class);
        assertThat(answer.getStatusCode().value()).isEqualTo(200);
        return answer.getBody();
    }

    private int holds(String ticket, String condition) {
        return jdbc.queryForObject("select count(*) from hold h join ticket t on t.id = h.ticket_fk where t.ticket_number = ? and "
                + condition, Integer.class, ticket);
    }

    private String base() {
        return "http://localhost:" + port;
    }

    private void go(HeadlessChromium browser, String route) {
        CockpitPages.open(browser, base(), engine.getName(), route);
    }
}
