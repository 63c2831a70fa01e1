package com.collectiondesk.selfservice;

import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.collectiondesk.ledger.Customer;
import com.collectiondesk.ledger.PaymentRepository;
import com.collectiondesk.outreach.ChannelTestBase;
import com.collectiondesk.support.browser.HeadlessChromium;
import com.collectiondesk.support.browser.RequiresChromium;
import com.collectiondesk.ticket.Ticket;
import com.collectiondesk.ticket.TicketStatus;
import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The debtor's whole way in Chromium, on a phone (360×740) and a desktop, in two languages: the link from the SMS the
 * fake Twilio received, the second factor, part paid with the sandbox provider, the rest promised. Screenshots under
 * target/screenshots/, the phone's page weight and time to first byte in target/self-service-page.txt.
 */
@RequiresChromium
class SelfServiceBrowserTest extends ChannelTestBase {

    static final Pattern LINK = Pattern.compile("https://collect\\.example\\.com(/s/[A-Za-z0-9_-]{22})");
    private static final Path MEASURES = Path.of("target", "self-service-page.txt");

    @LocalServerPort int port;
    @Autowired PaymentRepository payments;
    @Autowired JdbcTemplate jdbc;

    @ParameterizedTest(name = "{0} on a {1}")
    @CsvSource(delimiter = '|', value = {
            "de | phone   | DE | Europe/Berlin | +4915123456789 | Hauptstraße 5, 10115 Berlin | 10115 | 100,00 | Guten Tag | Erfolg simulieren | Ihre Zahlung ist eingegangen | Ihre Zusage über 200,00 €",
            "en | desktop | GB | Europe/London | +447911123456  | 2 Baker Street, London NW1 6XE | NW1 6XE | 100.00 | Hello | Simulate success | your payment has been received | your promise of €200.00"})
    void theDebtorOpensTheSmsLinkPaysPartAndPromisesTheRest(String language, String device, String country, String zone,
            String phone, String address, String postalCode, String part, String greeting, String success, String paid,
            String promised) throws IOException {
        Customer debtor = ledger.change(standardDebtor("Ivana Petrova", language, country, zone, phone), d -> d.address(address));
        ProcessInstance instance = openAndPlan(debtor);
        runNextStep(instance);
        String body = smsBody();
        Matcher link = LINK.matcher(body);
        assertThat(link.find()).as("the page link in the SMS: %s", body).isTrue();

        try (HeadlessChromium chromium = HeadlessChromium.start("self-service-" + language + "-" + device)) {
            ChromeDriver driver = (ChromeDriver) chromium.driver();
            if (device.equals("phone")) {
                driver.executeCdpCommand("Emulation.setDeviceMetricsOverride",
                        Map.of("width", 360, "height", 740, "deviceScaleFactor", 2, "mobile", true));
            }
            driver.get("http://localhost:" + port + link.group(1));
            assertThat(driver.findElement(By.tagName("h1")).getText()).startsWith(greeting).contains("Ivana Petrova");
            assertThat(driver.findElements(By.tagName("table"))).isEmpty();
            assertFitsTheScreen(driver, device);
            chromium.screenshot("opened");

            driver.findElement(By.id("answer")).sendKeys(postalCode);
            chromium.screenshot("second-factor");
            driver.findElement(By.cssSelector("form button[type=submit]")).click();
            // a click does not wait for the page it submits to: wait for the invoices, then count them
            chromium.waitUpTo(Duration.ofSeconds(20)).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("table tbody tr")));
            assertThat(driver.findElements(By.cssSelector("table tbody tr"))).hasSize(2);
            assertFitsTheScreen(driver, device);
            chromium.screenshot("invoices");
            if (device.equals("phone")) {
                measure(driver, language);
            }

            WebElement amount = driver.findElement(By.id("payAmount"));
            amount.clear();
            amount.sendKeys(part);
            amount.submit();
            chromium.waitUpTo(Duration.ofSeconds(20)).until(ExpectedConditions.presenceOfElementLocated(By.name("outcome")));
            chromium.screenshot("sandbox-checkout");
            driver.findElement(By.xpath("//button[normalize-space()='" + success + "']")).click();
            chromium.waitUpTo(Duration.ofSeconds(20)).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".notice")));
            assertThat(driver.findElement(By.cssSelector(".notice")).getText()).contains(paid);
            chromium.screenshot("paid");

            driver.findElement(By.id("promiseAmount")).sendKeys("200");
            // a date input takes its value in ISO form whatever the browser shows; typing it depends on the browser's locale
            ((JavascriptExecutor) driver).executeScript("arguments[0].value = arguments[1]",
                    driver.findElement(By.id("promiseDate")), TODAY.plusDays(7).toString());
            driver.findElement(By.id("promiseDate")).submit();
            chromium.waitUpTo(Duration.ofSeconds(20)).until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".notice"), promised));
            assertFitsTheScreen(driver, device);
            chromium.screenshot("promised");
        }

        Ticket ticket = ticketOf(instance);
        assertThat(ticket.getStatus()).isEqualTo(TicketStatus.PROMISED);
        assertThat(ticket.getOverdueAmount()).isEqualByComparingTo("200.00");
        String reference = jdbc.queryForObject("select reference from self_service_payment where ticket_fk = ? and status = 'BOOKED'",
                String.class, ticket.getId());
        assertThat(payments.findByPaymentId(reference)).hasValueSatisfying(p -> assertThat(p.getAmount()).isEqualByComparingTo("100.00"));
        assertThat(timelineTypes(ticket)).contains("SELF_SERVICE_OPENED", "SELF_SERVICE_PAYMENT", "PAYMENT", "PROMISE");
    }

    static String smsBody() {
        String form = TWILIO.findAll(postRequestedFor(urlPathEqualTo(MESSAGES_PATH))).get(0).getBodyAsString();
        return Arrays.stream(form.split("&")).map(pair -> pair.split("=", 2)).filter(pair -> pair[0].equals("Body"))
                .map(pair -> URLDecoder.decode(pair[1], StandardCharsets.UTF_8)).findFirst().orElseThrow();
    }

    /** Nothing wider than the screen: a phone reader never scrolls sideways. */
    static void assertFitsTheScreen(ChromeDriver driver, String device) {
        long scrollWidth = (Long) driver.executeScript("return document.documentElement.scrollWidth");
        // a phone browser widens its layout to fit what overflows, so the phone's own width is the bound
        long viewport = device.equals("phone") ? 360 : (Long) driver.executeScript("return window.innerWidth");
        assertThat(scrollWidth).as("page width on a " + device).isLessThanOrEqualTo(viewport);
    }

    /** Bytes of the page and its stylesheet, and the page's time to first byte, as the phone's browser measured them. */
    private static void measure(ChromeDriver driver, String language) throws IOException {
        JavascriptExecutor js = driver;
        long html = ((Number) js.executeScript("return performance.getEntriesByType('navigation')[0].decodedBodySize")).longValue();
        long css = ((Number) js.executeScript("return performance.getEntriesByType('resource')"
                + ".filter(r => r.name.endsWith('.css')).reduce((sum, r) => sum + r.decodedBodySize, 0)")).longValue();
        double ttfb = ((Number) js.executeScript("var n = performance.getEntriesByType('navigation')[0];"
                + " return n.responseStart - n.requestStart")).doubleValue();
        Files.writeString(MEASURES, String.format("%s phone 360x740, page after the second factor: HTML %d bytes, CSS %d bytes"
                        + " (cached after the first page), no script, no images; time to first byte %.0f ms%n", language, html, css, ttfb),
                StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        assertThat(html + css).as("page weight in bytes").isLessThan(20_000);
    }
}
