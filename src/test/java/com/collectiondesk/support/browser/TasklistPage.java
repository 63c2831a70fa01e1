package com.collectiondesk.support.browser;

import java.time.Duration;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * Camunda Tasklist as a collector uses it: pick a filter, open a task card, claim it, fill its Camunda Form
 * (form-js: fields are found by their labels) and complete it. Every step waits for the AngularJS page.
 */
public final class TasklistPage {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    private final HeadlessChromium browser;

    private TasklistPage(HeadlessChromium browser) {
        this.browser = browser;
    }

    /** Signs in to Tasklist and returns the page. */
    public static TasklistPage open(HeadlessChromium browser, String baseUrl, String engine, String user, String password) {
        CamundaWebapps.login(browser, baseUrl, "tasklist", engine, user, password);
        return new TasklistPage(browser);
    }

    public TasklistPage selectFilter(String name) {
        click(By.xpath("//*[contains(@class,'task-filters')]//a[.//*[normalize-space(text())='" + name + "'] or normalize-space(text())='" + name + "']"),
                "filter " + name);
        return this;
    }

    /** Opens the task card that shows this text (e.g. a ticket number among the card's variables). */
    public TasklistPage openTaskShowing(String text) {
        click(By.xpath("//ol[contains(@class,'tasks-list')]/li[contains(., '" + text + "')]//a[contains(@class,'task')]"
                + " | //ol[contains(@class,'tasks-list')]/li[contains(., '" + text + "')]//h4/a"), "task card showing " + text);
        return this;
    }

    public TasklistPage claim() {
        By claimButton = By.xpath("//button[normalize-space(.)='Claim']");
        click(claimButton, "Claim button");
        // once claimed, Tasklist shows the assignee in the task's header instead of the button
        browser.waitUpTo(PATIENCE).until(ExpectedConditions.invisibilityOfElementLocated(claimButton));
        return this;
    }

    /** Chooses an option of a form-js select by the field's label and the option's label. */
    public TasklistPage choose(String fieldLabel, String optionLabel) {
        WebElement field = field(fieldLabel);
        clickElement(field.findElement(By.cssSelector(".fjs-input-group")));
        click(By.xpath("//*[contains(@class,'fjs-dropdownlist-item')][normalize-space(.)='" + optionLabel + "']"),
                "option " + optionLabel);
        return this;
    }

    /** Picks an option of a form-js radio group by the field's label and the option's label. */
    public TasklistPage pick(String fieldLabel, String optionLabel) {
        clickElement(field(fieldLabel).findElement(By.xpath(".//label[normalize-space(.)='" + optionLabel + "']")));
        return this;
    }

    /** Types into a form-js input (text, number or date) by the field's label, then leaves the field. */
    public TasklistPage type(String fieldLabel, String text) {
        WebElement input = field(fieldLabel).findElement(By.cssSelector("input, textarea"));
        clickElement(input);
        input.sendKeys(text);
        input.sendKeys(Keys.TAB);
        return this;
    }

    public void complete() {
        By completeButton = By.xpath("//button[normalize-space(.)='Complete']");
        click(completeButton, "Complete button");
        // a completed task leaves the list and its form closes; a refused one stays open with an error
        try {
            browser.waitUpTo(PATIENCE).until(ExpectedConditions.invisibilityOfElementLocated(completeButton));
        } catch (TimeoutException e) {
            throw new AssertionError("Tasklist did not complete the task; page at " + browser.screenshot("not-completed"), e);
        }
    }

    /** What a form-js input shows, found by the field's label. */
    public String fieldValue(String fieldLabel) {
        return field(fieldLabel).findElement(By.cssSelector("input, textarea")).getAttribute("value");
    }

    /** The hint a form-js input shows while empty (a date field's format, e.g. "dd/mm/yyyy"), by the field's label. */
    public String fieldPlaceholder(String fieldLabel) {
        return field(fieldLabel).findElement(By.cssSelector("input, textarea")).getAttribute("placeholder");
    }

    /** The errors form-js shows under a field (found by its label), waiting until there is one. */
    public List<String> fieldErrors(String fieldLabel) {
        By errors = By.cssSelector(".fjs-form-field-error");
        WebElement field = field(fieldLabel);
        try {
            browser.waitUpTo(PATIENCE).until(driver -> !field.findElements(errors).isEmpty());
        } catch (TimeoutException e) {
            throw new AssertionError("Tasklist never showed an error at " + fieldLabel + "; page at "
                    + browser.screenshot("no-field-error"), e);
        }
        return field.findElements(errors).stream().map(WebElement::getText).toList();
    }

    /** Whether the form's Complete button may be clicked (form-js disables it while a field has an error). */
    public boolean completeEnabled() {
        return waitFor(By.xpath("//button[normalize-space(.)='Complete']"), "Complete button").isEnabled();
    }

    /** Clicks Complete on a form the server refuses; returns the page's text once it shows {@code expected}. */
    public String completeRefused(String expected) {
        click(By.xpath("//button[normalize-space(.)='Complete']"), "Complete button");
        try {
            return browser.waitUpTo(PATIENCE).until(driver -> {
                String text = driver.findElement(By.tagName("body")).getText();
                return text.contains(expected) ? text : null;
            });
        } catch (TimeoutException e) {
            throw new AssertionError("Tasklist never showed '" + expected + "'; page at " + browser.screenshot("no-refusal"), e);
        }
    }

    /** Rows of a form-js table found by its label, each as the cells' texts. */
    public List<String> tableRows(String tableLabel) {
        return field(tableLabel).findElements(By.cssSelector("tbody tr")).stream().map(WebElement::getText).toList();
    }

    private WebElement field(String label) {
        By byLabel = By.xpath("//div[contains(@class,'fjs-form-field')][.//label[starts-with(normalize-space(.), '" + label + "')]]");
        return waitFor(byLabel, "form field " + label);
    }

    private void click(By locator, String what) {
        WebElement element;
        try {
            element = browser.waitUpTo(PATIENCE).until(ExpectedConditions.elementToBeClickable(locator));
        } catch (TimeoutException e) {
            throw new AssertionError("Tasklist never offered the " + what + "; page at " + browser.screenshot("missing-" + what.replace(' ', '-')), e);
        }
        clickElement(element);
    }

    /** Scrolls the element to the middle of the window first: Tasklist's fixed footer covers the bottom. */
    private void clickElement(WebElement element) {
        ((JavascriptExecutor) browser.driver()).executeScript("arguments[0].scrollIntoView({block: 'center'});", element);
        try {
            element.click();
        } catch (org.openqa.selenium.ElementClickInterceptedException e) {
            ((JavascriptExecutor) browser.driver()).executeScript("arguments[0].click();", element);
        }
    }

    private WebElement waitFor(By locator, String what) {
        try {
            return browser.waitUpTo(PATIENCE).until(ExpectedConditions.visibilityOfElementLocated(locator));
        } catch (TimeoutException e) {
            throw new AssertionError("Tasklist never showed the " + what + "; page at " + browser.screenshot("missing-" + what.replace(' ', '-')), e);
        }
    }
}
