package com.collectiondesk.selfservice;

import static org.assertj.core.api.Assertions.assertThat;

import com.collectiondesk.ledger.Customer;
import com.collectiondesk.outreach.ChannelTestBase;
import com.collectiondesk.support.browser.HeadlessChromium;
import com.collectiondesk.support.browser.RequiresChromium;
import com.collectiondesk.ticket.Ticket;
import com.collectiondesk.ticket.TicketStatus;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * In Chromium on a phone (360×740), in two languages: past the second factor the debtor disputes the older invoice
 * with a PDF receipt, the total due drops by that invoice and it is marked disputed; then a wrong file is refused at its
 * field, and an evening preference is saved. Screenshots under target/screenshots/self-service-dispute-*.
 */
@RequiresChromium
class SelfServiceDisputeBrowserTest extends ChannelTestBase {

    private static final Pattern LINK = Pattern.compile("https://collect\\.example\\.com(/s/[A-Za-z0-9_-]{22})");

    @LocalServerPort int port;

    @ParameterizedTest(name = "{0} on a phone")
    @CsvSource(delimiter = '|', value = {
            "de | DE | Europe/Berlin | +4915123456789 | Hauptstraße 5, 10115 Berlin   | 10115   | 100,00 € | beanstandet | Ihre Beanstandung der Rechnung | Diese Datei ist kein PDF | so, wie Sie es wünschen",
            "en | GB | Europe/London | +447911123456  | 2 Baker Street, London NW1 6XE | NW1 6XE | €100.00  | disputed    | your dispute of invoice        | This file is not a PDF   | as you prefer"})
    void theDebtorDisputesTheOlderInvoiceWithAReceiptAndPrefersTheEvening(String language, String country, String zone,
            String phone, String address, String postalCode, String leftDue, String disputedTag, String disputed,
            String wrongFile, String preferred) throws IOException {
        Customer debtor = ledger.change(standardDebtor("Ivana Petrova", language, country, zone, phone), d -> d.address(address));
        ProcessInstance instance = openAndPlan(debtor);
        runNextStep(instance);
        String sms = contacts.findByTicketIdOrderByAtAscIdAsc(ticketOf(instance).getId()).get(0).getRenderedText();
        Matcher link = LINK.matcher(sms);
        assertThat(link.find()).as("the page link in the SMS: %s", sms).isTrue();
        Path receipt = Files.write(Files.createDirectories(Path.of("target", "uploads")).resolve("receipt-" + language + ".pdf"),
                DebtorDisputesTest.PDF);
        Path notAPdf = Files.writeString(Path.of("target", "uploads", "invoice-" + language + ".pdf"), "<html>not a pdf</html>");

        try (HeadlessChromium chromium = HeadlessChromium.start("self-service-dispute-" + language)) {
            ChromeDriver driver = (ChromeDriver) chromium.driver();
            driver.executeCdpCommand("Emulation.setDeviceMetricsOverride",
                    Map.of("width", 360, "height", 740, "deviceScaleFactor", 2, "mobile", true));
            driver.get("http://localhost:" + port + link.group(1));
            driver.findElement(By.id("answer")).sendKeys(postalCode);
            driver.findElement(By.cssSelector("form button[type=submit]")).click();
            chromium.waitUpTo(Duration.ofSeconds(20)).until(ExpectedConditions.presenceOfElementLocated(By.id("disputeInvoice")));

            // a file that says .pdf but is not: refused at its field, nothing recorded
            Select invoice = new Select(driver.findElement(By.id("disputeInvoice")));
            String older = invoice.getOptions().get(0).getDomAttribute("value");
            new Select(driver.findElement(By.id("disputeReason"))).selectByValue("ALREADY_PAID");
            driver.findElement(By.id("disputeFile")).sendKeys(notAPdf.toAbsolutePath().toString());
            driver.findElement(By.id("disputeFile")).submit();
            chromium.waitUpTo(Duration.ofSeconds(20)).until(ExpectedConditions.presenceOfElementLocated(By.id("disputeFile-error")));
            WebElement fileError = driver.findElement(By.id("disputeFile-error"));
            assertThat(fileError.getText()).startsWith(wrongFile);
            assertThat(driver.findElement(By.id("disputeFile")).getDomAttribute("aria-describedby")).contains("disputeFile-error");
            assertThat(driver.findElement(By.id("disputeFile")).getDomAttribute("aria-invalid")).isEqualTo("true");
            scrollTo(driver, fileError);
            chromium.screenshot("wrong-file");
            assertThat(ticketOf(instance).getStatus()).isEqualTo(TicketStatus.OPEN);

            new Select(driver.findElement(By.id("disputeInvoice"))).selectByValue(older);
            driver.findElement(By.id("disputeDetails")).sendKeys("Paid by bank transfer");
            driver.findElement(By.id("disputeFile")).sendKeys(receipt.toAbsolutePath().toString());
            scrollTo(driver, driver.findElement(By.id("disputeFile")));
            chromium.screenshot("dispute-form");
            driver.findElement(By.id("disputeFile")).submit();
            chromium.waitUpTo(Duration.ofSeconds(20)).until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".notice"), disputed));
            assertThat(driver.findElement(By.cssSelector(".total strong")).getText()).isEqualTo(leftDue);
            assertThat(driver.findElement(By.cssSelector("table tbody tr:first-child .tag")).getText()).isEqualTo(disputedTag);
            assertThat(driver.findElements(By.id("disputeFile"))).isEmpty();
            assertFitsThePhone(driver);
            chromium.screenshot("disputed");

            new Select(driver.findElement(By.id("preferredTime"))).selectByValue("EVENING");
            scrollTo(driver, driver.findElement(By.id("preferredTime")));
            chromium.screenshot("preference-form");
            driver.findElement(By.id("preferredTime")).submit();
            chromium.waitUpTo(Duration.ofSeconds(20)).until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".notice"), preferred));
            assertThat(new Select(driver.findElement(By.id("preferredTime"))).getFirstSelectedOption().getDomAttribute("value"))
                    .isEqualTo("EVENING");
            assertFitsThePhone(driver);
            chromium.screenshot("preferred");
        }

        Ticket ticket = ticketOf(instance);
        assertThat(ticket.getStatus()).isEqualTo(TicketStatus.DISPUTED);
        assertThat(disputes.findByTicketIdOrderByIdAsc(ticket.getId())).singleElement()
                .satisfies(dispute -> assertThat(dispute.getAmount()).isEqualByComparingTo("200.00"));
        assertThat(timelineTypes(ticket)).contains("DISPUTE", "CONTACT_PREFERENCE");
    }

    private static void scrollTo(ChromeDriver driver, WebElement element) {
        driver.executeScript("arguments[0].scrollIntoView({block: 'center'})", element);
    }

    private static void assertFitsThePhone(ChromeDriver driver) {
        long scrollWidth = (Long) driver.executeScript("return document.documentElement.scrollWidth");
        assertThat(scrollWidth).as("page width on a phone").isLessThanOrEqualTo(360);
    }
}
