package com.collectiondesk.selfservice;

import static org.assertj.core.api.Assertions.assertThat;

import com.collectiondesk.support.browser.HeadlessChromium;
import com.collectiondesk.support.browser.RequiresChromium;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * In Chromium on a phone (360×740) and a desktop: the preferences form with its channel wording, and the page a
 * debtor's browser gets for an address that is no page. Screenshots under target/screenshots/, the error page's weight
 * and time to first byte in target/self-service-error-page.txt.
 */
@RequiresChromium
class DebtorPagesBrowserTest extends SelfServiceTestBase {

    private static final Path MEASURES = Path.of("target", "self-service-error-page.txt");

    @ParameterizedTest(name = "{0} on a {1}")
    @CsvSource(delimiter = '|', value = {
            "de | phone   | Unsere Erinnerungen per SMS oder E-Mail kommen auf dem Weg, den Sie bevorzugen | Seite nicht gefunden | Zurück zu Ihrer Seite",
            "en | desktop | Our reminders by text message or email come the way you prefer | Page not found | Back to your page"})
    void thePreferencesSayWhatThePreferredChannelDoesAndAMissingPageLeadsBack(String language, String device, String channelHint,
                                                                               String notFound, String back) throws IOException {
        String page = linkFromTheSms();
        try (HeadlessChromium chromium = HeadlessChromium.start("debtor-pages-" + language + "-" + device, language)) {
            ChromeDriver driver = (ChromeDriver) chromium.driver();
            if (device.equals("phone")) {
                driver.executeCdpCommand("Emulation.setDeviceMetricsOverride",
                        Map.of("width", 360, "height", 740, "deviceScaleFactor", 2, "mobile", true));
            }
            driver.get("http://localhost:" + port + page + "?lang=" + language);
            driver.findElement(By.id("answer")).sendKeys(POSTAL_CODE);
            driver.findElement(By.cssSelector("form[action*='/verify'] button")).click();
            WebElement channel = driver.findElement(By.id("preferredChannel"));
            driver.executeScript("arguments[0].closest('section').scrollIntoView()", channel);
            assertThat(driver.findElement(By.xpath("//section[.//select[@id='preferredChannel']]")).getText()).contains(channelHint);
            SelfServiceBrowserTest.assertFitsTheScreen(driver, device);
            chromium.screenshot("preferences");

            driver.get("http://localhost:" + port + page + "/no-such-page");
            assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo(notFound);
            assertThat(driver.findElement(By.tagName("body")).getText()).doesNotContain("{", "status");
            SelfServiceBrowserTest.assertFitsTheScreen(driver, device);
            chromium.screenshot("not-found");
            if (device.equals("phone")) {
                measure(driver, language);
            }
            driver.findElement(By.linkText(back)).click();
            assertThat(driver.getCurrentUrl()).endsWith(page + "?lang=" + language);
        }
    }

    private static void measure(ChromeDriver driver, String language) throws IOException {
        long html = ((Number) driver.executeScript("return performance.getEntriesByType('navigation')[0].decodedBodySize")).longValue();
        double ttfb = ((Number) driver.executeScript("var n = performance.getEntriesByType('navigation')[0];"
                + " return n.responseStart - n.requestStart;")).doubleValue();
        Files.writeString(MEASURES, String.format("%s phone 360x740, the not-found page: HTML %d bytes (the page's cached stylesheet),"
                + " no script; time to first byte %.0f ms%n", language, html, ttfb), StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        assertThat(html).as("error page weight in bytes").isLessThan(5_000);
    }
}
