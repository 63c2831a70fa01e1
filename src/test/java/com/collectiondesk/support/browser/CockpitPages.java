package com.collectiondesk.support.browser;

import java.nio.file.Path;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** Collection Desk's Cockpit pages ({@code #/holds}, {@code #/dry-run}, …) in a signed-in browser, and waiting for them. */
public final class CockpitPages {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    private CockpitPages() {
    }

    public static void open(HeadlessChromium browser, String baseUrl, String engine, String route) {
        browser.driver().get(baseUrl + "/camunda/app/cockpit/" + engine + "/#" + route);
    }

    public static WebElement waitFor(HeadlessChromium browser, By locator) {
        try {
            return browser.waitUpTo(PATIENCE).until(ExpectedConditions.visibilityOfElementLocated(locator));
        } catch (TimeoutException e) {
            Path shot = browser.screenshot("missing");
            throw new AssertionError("Cockpit never showed " + locator + "; page at " + shot, e);
        }
    }

    /** The pages redraw their tables after each change, so an element may go stale while waiting. */
    public static void waitUntil(HeadlessChromium browser, String what, BooleanSupplier condition) {
        try {
            browser.waitUpTo(PATIENCE).ignoring(StaleElementReferenceException.class).until(driver -> condition.getAsBoolean());
        } catch (TimeoutException e) {
            Path shot = browser.screenshot("no-" + what.replace(' ', '-').replace("'", ""));
            throw new AssertionError("Cockpit never showed " + what + "; page at " + shot, e);
        }
    }
}
