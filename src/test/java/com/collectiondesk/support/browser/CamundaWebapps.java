package com.collectiondesk.support.browser;

import java.nio.file.Path;
import java.time.Duration;
import org.openqa.selenium.By;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** Logs in to Tasklist, Cockpit or Admin through their own login page, as a user would. */
public final class CamundaWebapps {

    /**
     * A webapp's first load in a JVM (its bundles, the engine's first queries) took over 30 s on a loaded machine,
     * and over 60 s at load average 20 (seven engineers on two cores).
     */
    private static final Duration PATIENCE = Duration.ofSeconds(150);
    // the webapps' shared login form (camunda-commons-ui auth/page/form.html) has no ids, only its models
    private static final By USERNAME = By.cssSelector("form[name='signinForm'] input[ng-model='username']");
    private static final By PASSWORD = By.cssSelector("form[name='signinForm'] input[ng-model='password']");
    private static final By SIGN_IN = By.cssSelector("form[name='signinForm'] button[type='submit']");

    private CamundaWebapps() {
    }

    /**
     * Opens {@code /camunda/app/{app}/{engine}/} and signs in; returns once the login form is gone. Test engines
     * have unique names, so the engine is part of the address.
     */
    public static void login(HeadlessChromium browser, String baseUrl, String app, String engine, String user,
                             String password) {
        WebDriver driver = browser.driver();
        driver.get(baseUrl + "/camunda/app/" + app + "/" + engine + "/");
        try {
            WebElement username = browser.waitUpTo(PATIENCE)
                    .until(ExpectedConditions.visibilityOfElementLocated(USERNAME));
            username.sendKeys(user);
            driver.findElement(PASSWORD).sendKeys(password);
            driver.findElement(SIGN_IN).click();
            browser.waitUpTo(PATIENCE).until(ExpectedConditions.invisibilityOfElementLocated(USERNAME));
        } catch (TimeoutException e) {
            Path screenshot = browser.screenshot(app + "-login-failed");
            throw new AssertionError("Could not sign in to " + app + " as " + user + "; page at " + screenshot, e);
        }
    }
}
