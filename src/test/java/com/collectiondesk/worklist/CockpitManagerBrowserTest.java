package com.collectiondesk.worklist;

import static com.collectiondesk.support.browser.CockpitPages.waitFor;
import static com.collectiondesk.support.browser.CockpitPages.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import com.collectiondesk.security.Groups;
import com.collectiondesk.support.IntegrationTest;
import com.collectiondesk.support.TestUsers;
import com.collectiondesk.support.TicketDriver;
import com.collectiondesk.support.browser.BrowserTickets;
import com.collectiondesk.support.browser.CamundaWebapps;
import com.collectiondesk.support.browser.CockpitPages;
import com.collectiondesk.support.browser.HeadlessChromium;
import com.collectiondesk.support.browser.RequiresChromium;
import com.collectiondesk.ticket.TicketProcess;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.TestPropertySource;

/**
 * A manager works in Cockpit in a real browser: reassigns a collector's three tickets on "Reassign tickets" and the
 * open calls move; sees the queues and marks a collector away on "Collectors"; finds the Collections dashboard on
 * top of the start page with percentages and only collectors in the efficiency table. Real clock, as the webapps.
 */
@IntegrationTest
@RequiresChromium
// as CollectorTasklistBrowserTest (same context): calls are due at any hour the test runs
@TestPropertySource(properties = {
        "collection.contact-policy.countries.BG.start=00:00",
        "collection.contact-policy.countries.BG.end=23:59:59.999999999"})
class CockpitManagerBrowserTest {


    @LocalServerPort int port;
    @Autowired ApplicationContext context;
    @Autowired ProcessEngine engine;
    @Autowired IdentityService identity;
    @Autowired CollectorProfileRepository profiles;

    @Test
    void aManagerReassignsThreeTicketsInCockpitAndTheirCallsMove() {
        ClockUtil.reset();
        profiles.deleteAll();
        String run = UUID.randomUUID().toString().substring(0, 5);
        String leaving = collector("ruth-" + run);
        String successor = "sam-" + run;
        TestUsers.ensure(identity, successor, Groups.COLLECTORS);
        String manager = "mia-" + run;
        TestUsers.ensure(identity, manager, Groups.MANAGERS);
        TicketDriver tickets = TicketDriver.of(context);
        List<String> ruths = IntStream.range(0, 3).mapToObj(i -> BrowserTickets.openCallable(context)).toList();
        List<Task> calls = ruths.stream().map(t -> tickets.runUntilTask(t, TicketProcess.CALL_DEBTOR, false)).toList();
        assertThat(calls).allSatisfy(call -> assertThat(call.getAssignee()).isEqualTo(leaving));

        try (HeadlessChromium browser = HeadlessChromium.start("cockpit-reassign")) {
            CamundaWebapps.login(browser, base(), "cockpit", engine.getName(), manager, TestUsers.PASSWORD);
            go(browser, "/reassign");
            new Select(waitFor(browser, By.id("cd-reassign-owner"))).selectByValue(leaving);
            browser.driver().findElement(By.id("cd-reassign-show")).click();
            waitUntil(browser, "three of ruth's tickets listed", () ->
                    browser.driver().findElements(By.cssSelector("#cd-candidates tbody tr")).size() == 3);
            assertThat(browser.driver().findElement(By.id("cd-candidates")).getText()).contains(ruths);
            new Select(browser.driver().findElement(By.id("cd-reassign-new-owner"))).selectByValue(successor);
            browser.screenshot("three-tickets-picked");
            browser.driver().findElement(By.id("cd-reassign-selected")).click();
            waitUntil(browser, "the result", () -> browser.driver().findElement(By.id("cd-reassign-result")).getText()
                    .equals("3 tickets and 3 open tasks moved to " + successor + "."));
            // the list follows the filter: ruth has nothing left
            waitUntil(browser, "ruth's list emptied", () -> browser.driver().findElements(By.cssSelector("#cd-candidates")).isEmpty());
            browser.screenshot("reassigned");

            assertThat(calls).allSatisfy(call -> assertThat(engine.getTaskService().createTaskQuery().taskId(call.getId())
                    .singleResult().getAssignee()).isEqualTo(successor));
            assertThat(ruths).allSatisfy(t -> assertThat(tickets.owner(t)).isEqualTo(successor));

            go(browser, "/collectors");
            WebElement samsRow = waitFor(browser, By.cssSelector("#cd-collectors tr[data-collector='" + successor + "']"));
            assertThat(samsRow.getText()).contains("No profile yet");
            samsRow.findElement(By.cssSelector("[data-action='queue']")).click();
            waitUntil(browser, "sam's queue", () -> browser.driver().findElements(By.cssSelector("#cd-queue tbody tr")).size() == 6);
            browser.screenshot("collectors-and-queue");

            // ruth goes on holiday; a language code that is not one is named next to its field
            WebElement ruthsRow = browser.driver().findElement(By.cssSelector("#cd-collectors tr[data-collector='" + leaving + "']"));
            ruthsRow.findElement(By.cssSelector("[data-action='edit']")).click();
            WebElement editing = waitFor(browser, By.cssSelector("tr.cd-editing"));
            WebElement languages = editing.findElement(By.name("languages"));
            languages.clear();
            languages.sendKeys("bg, english");
            editing.findElement(By.name("available")).click();
            editing.findElement(By.xpath(".//button[normalize-space(.)='Save']")).click();
            waitUntil(browser, "the languages error", () -> editing.findElement(By.cssSelector("[data-error-for='languages']"))
                    .getText().equals("\"english\": must be a language code such as bg or en"));
            browser.screenshot("profile-refused");
            assertThat(profiles.findById(leaving).orElseThrow().getLanguages()).containsExactly("en");
            languages.clear();
            languages.sendKeys("bg, en");
            editing.findElement(By.xpath(".//button[normalize-space(.)='Save']")).click();
            waitUntil(browser, "ruth marked away", () -> browser.driver().findElement(
                    By.cssSelector("#cd-collectors tr[data-collector='" + leaving + "']")).getText().contains("away"));
            CollectorProfile saved = profiles.findById(leaving).orElseThrow();
            assertThat(saved.isAvailable()).isFalse();
            assertThat(saved.getLanguages()).containsExactly("bg", "en");
            browser.screenshot("profile-saved");

            go(browser, "/dashboard");
            WebElement rate = waitFor(browser, By.cssSelector("[data-kpi='collection-rate'] .cd-tile-value"));
            browser.screenshot("dashboard");
            assertThat(rate.getText()).endsWith("%");
            // managers are not told to migrate to Camunda 8 (cockpit/styles/user-styles.css), as collectors are not
            assertThat(browser.driver().findElements(By.cssSelector(".ce-eol-banner")).stream().anyMatch(WebElement::isDisplayed))
                    .as("Camunda 8 migration banner").isFalse();
            String page = browser.driver().findElement(By.tagName("body")).getText();
            assertThat(page).doesNotContain("migrate to Camunda 8").doesNotContainPattern("\\b1 promises\\b");
            // ticket counts on whole-number ticks: the owners have one to six tickets each, where Chart.js drew 0.5 steps
            String ownerTicks = waitFor(browser, By.cssSelector("#cd-owner-chart[data-value-ticks]")).getAttribute("data-value-ticks");
            assertThat(ownerTicks.split(" ")).as(ownerTicks).isNotEmpty().allMatch(label -> label.matches("\\d+"));
            WebElement table = waitFor(browser, By.cssSelector("#cd-efficiency"));
            assertThat(table.findElements(By.cssSelector("tr[data-collector='system']"))).isEmpty();
            assertThat(table.findElements(By.cssSelector("tr[data-collector='" + manager + "']"))).isEmpty();
            Object onTop = ((JavascriptExecutor) browser.driver()).executeScript(
                    "return document.querySelector('.ctn-view.dashboard').firstElementChild.contains(document.querySelector('.cd-dashboard'))");
            assertThat(onTop).as("the Collections dashboard opens Cockpit's start page").isEqualTo(true);
        }
    }

    private String collector(String userId) {
        TestUsers.ensure(identity, userId, Groups.COLLECTORS);
        CollectorProfile profile = new CollectorProfile(userId);
        profile.update(List.of("en"), List.of("CONSUMER_LOAN"), true, null, java.time.Instant.now());
        profiles.save(profile);
        return userId;
    }

    private String base() {
        return "http://localhost:" + port;
    }

    private void go(HeadlessChromium browser, String route) {
        CockpitPages.open(browser, base(), engine.getName(), route);
    }
}
