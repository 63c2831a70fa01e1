package com.collectiondesk.selfservice;

import static org.assertj.core.api.Assertions.assertThat;

import com.collectiondesk.ledger.Customer;
import com.collectiondesk.outreach.ChannelTestBase;
import com.collectiondesk.support.browser.HeadlessChromium;
import com.collectiondesk.support.browser.RequiresChromium;
import com.collectiondesk.ticket.Ticket;
import com.collectiondesk.ticket.TicketStatus;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A Romanian debtor on a phone (360×740) asks for a payment plan inside the policy and sees it approved; the engine
 * clock then passes the first instalment's due date plus grace unpaid, the plan breaks and the page offers promising
 * and a new plan again. Screenshots under target/screenshots/self-service-plan-ro-phone/.
 */
@RequiresChromium
class PaymentPlanBrowserTest extends ChannelTestBase {

    @LocalServerPort int port;
    @Autowired JdbcTemplate jdbc;

    @Test
    void aRomanianDebtorOnAPhoneGetsAPlanApprovedAndAMissedInstalmentBreaksItAfterGrace() {
        Customer debtor = ledger.change(standardDebtor("Ioana Popescu", "ro", "RO", "Europe/Bucharest", "+40712345678"),
                d -> d.address("Strada Lipscani 10, 030031 București"));
        ProcessInstance instance = openAndPlan(debtor);
        runNextStep(instance);
        Matcher link = SelfServiceBrowserTest.LINK.matcher(SelfServiceBrowserTest.smsBody());
        assertThat(link.find()).isTrue();
        String page = "http://localhost:" + port + link.group(1);

        try (HeadlessChromium chromium = HeadlessChromium.start("self-service-plan-ro-phone", "ro")) {
            ChromeDriver driver = (ChromeDriver) chromium.driver();
            driver.executeCdpCommand("Emulation.setDeviceMetricsOverride",
                    Map.of("width", 360, "height", 740, "deviceScaleFactor", 2, "mobile", true));
            driver.get(page);
            driver.findElement(By.id("answer")).sendKeys("030031");
            driver.findElement(By.cssSelector("form button[type=submit]")).click();
            chromium.waitUpTo(Duration.ofSeconds(20)).until(ExpectedConditions.presenceOfElementLocated(By.id("planInstalments")));
            assertThat(driver.findElement(By.id("planInstalments")).findElement(By.xpath("./preceding::label[1]")).getText())
                    .isEqualTo("Numărul de rate lunare");
            driver.findElement(By.id("planInstalments")).sendKeys("3");
            ((JavascriptExecutor) driver).executeScript("arguments[0].value = arguments[1]",
                    driver.findElement(By.id("planFirstDate")), TODAY.plusDays(7).toString());
            ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView()",
                    driver.findElement(By.xpath("//h2[normalize-space()='Cereți un plan de plată']")));
            chromium.screenshot("plan-form");
            driver.findElement(By.id("planFirstDate")).submit();
            chromium.waitUpTo(Duration.ofSeconds(20)).until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".notice"),
                    "Planul de plată este aprobat: 3 rate lunare, prima de 100,00 EUR până la 9 mar. 2026."));
            assertThat(driver.findElements(By.id("promiseAmount"))).as("no promise while the plan runs").isEmpty();
            assertThat(driver.findElement(By.tagName("main")).getText()).contains("Planul dumneavoastră de plată", "De plată");
            SelfServiceBrowserTest.assertFitsTheScreen(driver, "phone");
            chromium.screenshot("plan-approved");
            ((JavascriptExecutor) driver).executeScript("[...document.querySelectorAll('h2')]"
                    + ".find(h => h.textContent.includes('Planul')).scrollIntoView()");
            chromium.screenshot("plan-instalments");

            String plan = engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey(PaymentPlans.PROCESS)
                    .processInstanceBusinessKey(instance.getBusinessKey()).singleResult().getId();
            Job late = engine.getManagementService().createJobQuery().processInstanceId(plan).timers().singleResult();
            ClockUtil.setCurrentTime(late.getDuedate());
            engine.getManagementService().executeJob(late.getId());

            driver.get(page);
            chromium.waitUpTo(Duration.ofSeconds(20)).until(ExpectedConditions.presenceOfElementLocated(By.id("promiseAmount")));
            assertThat(driver.findElement(By.tagName("main")).getText()).doesNotContain("Planul dumneavoastră de plată")
                    .contains("Cereți un plan de plată");
            assertThat(driver.findElement(By.cssSelector(".notice.error")).getText())
                    .isEqualTo("Planul de plată s-a încheiat: rata de 100,00 EUR scadentă pe 9 mar. 2026 nu a fost plătită.");
            SelfServiceBrowserTest.assertFitsTheScreen(driver, "phone");
            ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView()", driver.findElement(By.cssSelector(".notice.error")));
            chromium.screenshot("plan-broken");
        }

        Ticket ticket = ticketOf(instance);
        assertThat(ticket.getStatus()).isEqualTo(TicketStatus.OPEN);
        assertThat(ticket.getBrokenPromises()).isOne();
        assertThat(jdbc.queryForObject("select status from self_service_plan where ticket_fk = ?", String.class, ticket.getId()))
                .isEqualTo("BROKEN");
        assertThat(timelineTypes(ticket)).containsSubsequence("SELF_SERVICE_PLAN_REQUEST", "PLAN_APPROVED", "PLAN_BROKEN");
    }
}
