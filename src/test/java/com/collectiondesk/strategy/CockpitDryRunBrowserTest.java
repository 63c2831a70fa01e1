package com.collectiondesk.strategy;

import static org.assertj.core.api.Assertions.assertThat;

import com.collectiondesk.ledger.Contract;
import com.collectiondesk.ledger.Customer;
import com.collectiondesk.security.Groups;
import com.collectiondesk.support.IntegrationTest;
import com.collectiondesk.support.LedgerFixture;
import com.collectiondesk.support.TestUsers;
import com.collectiondesk.support.TicketDriver;
import com.collectiondesk.support.browser.CamundaWebapps;
import com.collectiondesk.support.browser.CockpitPages;
import com.collectiondesk.support.browser.HeadlessChromium;
import com.collectiondesk.support.browser.RequiresChromium;
import com.collectiondesk.system.BusinessClock;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.core.io.ClassPathResource;
import org.springframework.test.context.TestPropertySource;

/**
 * An analyst tries a candidate segment decision on Cockpit's "Dry-run" page in a real browser, on its own portfolio
 * (its own context), every ticket opened today. The candidate makes HARD from 60 days past due (shipped: 90) and SOFT
 * up to 200 owed (shipped: 100):
 *
 * <pre>
 * debtor  product        DPD  owed  deployed → candidate
 * Ada     CONSUMER_LOAN   70   500  STANDARD → HARD
 * Alf     CONSUMER_LOAN   70   300  STANDARD → HARD
 * Ben     CONSUMER_LOAN   95   400  HARD → HARD
 * Cid     CONSUMER_LOAN   10   150  STANDARD → SOFT
 * Dee     CONSUMER_LOAN   10    50  SOFT → SOFT
 * Eva     B2B_INVOICE     20  1000  B2B → B2B
 * </pre>
 *
 * Plans (the shipped strategy, from the opening day): STANDARD SMS 0, CALL 5, LETTER 10, ESCALATE 20; SOFT EMAIL 3,
 * SMS 7, CALL 14 (ESCALATE 30 is after the 30 days); HARD CALL 0, SMS 2, LETTER 5, ESCALATE 10; B2B EMAIL 1, CALL 7,
 * LETTER 14, ESCALATE 21. Deployed: SMS 5, EMAIL 2, CALL 6, LETTER 5, ESCALATE 5 = 0.50 + 0.04 + 12.00 + 7.50 =
 * 20.04 EUR; with the candidate: SMS 5, EMAIL 3, CALL 6, LETTER 4, ESCALATE 4 = 18.56 EUR. Today: deployed SMS 3
 * (Ada, Alf, Cid) and CALL 1 (Ben); with the candidate CALL 3 (Ada, Alf, Ben).
 */
@IntegrationTest
@RequiresChromium
@TestPropertySource(properties = {"collection.reports.snapshot-cron=-", "collection.contact-costs.sms=0.10",
        "collection.contact-costs.email=0.02", "collection.contact-costs.letter=1.50", "collection.contact-costs.call-minute=0.50",
        "collection.contact-costs.call-minutes=4", "collection.contact-costs.currency=EUR",
        // its own context, hence its own database: the matrix counts this portfolio only
        "collection.test.context=cockpit-dry-run"})
class CockpitDryRunBrowserTest {

    @LocalServerPort int port;
    @Autowired ApplicationContext context;
    @Autowired ProcessEngine engine;
    @Autowired IdentityService identity;
    @Autowired BusinessClock clock;

    @Test
    void anAnalystSeesTheCandidatesMatrixContactsAndCostBesideTheDeployedModelAndARefusalNamingTheElement(@TempDir Path files)
            throws IOException {
        ClockUtil.reset();
        TestUsers.ensure(identity, "ana-lyst", Groups.ANALYSTS);
        LocalDate today = clock.today();
        open("CONSUMER_LOAN", "500.00", today.minusDays(70));
        open("CONSUMER_LOAN", "300.00", today.minusDays(70));
        open("CONSUMER_LOAN", "400.00", today.minusDays(95));
        open("CONSUMER_LOAN", "150.00", today.minusDays(10));
        open("CONSUMER_LOAN", "50.00", today.minusDays(10));
        open("B2B_INVOICE", "1000.00", today.minusDays(20));
        Path candidate = Files.writeString(files.resolve("segment-hard-from-60.dmn"), segmentCandidate());
        Path medium = Files.writeString(files.resolve("segment-medium.dmn"), segmentCandidate().replace(
                "<outputEntry id=\"ticket-segment-rule-6-out-0\"><text>&quot;STANDARD&quot;</text></outputEntry>",
                "<outputEntry id=\"ticket-segment-rule-6-out-0\"><text>&quot;MEDIUM&quot;</text></outputEntry>"));

        try (HeadlessChromium browser = HeadlessChromium.start("cockpit-dry-run")) {
            CamundaWebapps.login(browser, base(), "cockpit", engine.getName(), "ana-lyst", TestUsers.PASSWORD);
            CockpitPages.open(browser, base(), engine.getName(), "/dry-run");
            CockpitPages.waitUntil(browser, "the deployed models", () -> text(browser, "[data-deployed='ticket-segment']")
                    .equals("ticket-segment v1") && text(browser, "[data-deployed='collection-strategy']").equals("collection-strategy v1"));
            browser.driver().findElement(By.id("cd-dry-run-segment")).sendKeys(candidate.toString());
            assertThat(text(browser, "[data-candidate='segment']")).isEqualTo("segment-hard-from-60.dmn");
            assertThat(text(browser, "[data-candidate='strategy']")).isEqualTo("the deployed one");
            browser.driver().findElement(By.id("cd-dry-run-start")).click();

            CockpitPages.waitFor(browser, By.id("cd-dry-run-matrix"));
            browser.screenshot("candidate-result");
            assertThat(text(browser, "#cd-dry-run-result")).isEqualTo("Dry-run of ticket-segment (candidate) and collection-strategy v1"
                    + " against the deployed ticket-segment v1 and collection-strategy v1.");
            assertThat(text(browser, "#cd-dry-run-summary")).startsWith("As of " + today + ": 6 tickets (6 open); 3 tickets change"
                    + " segment. Took ");
            assertThat(cell(browser, "STANDARD", "HARD")).isEqualTo("2");
            assertThat(cell(browser, "STANDARD", "SOFT")).isEqualTo("1");
            assertThat(cell(browser, "HARD", "HARD")).isEqualTo("1");
            assertThat(cell(browser, "SOFT", "SOFT")).isEqualTo("1");
            assertThat(cell(browser, "B2B", "B2B")).isEqualTo("1");
            assertThat(cell(browser, "STANDARD", "B2B")).isEqualTo("0");
            assertThat(browser.driver().findElement(By.cssSelector("#cd-dry-run-matrix td[data-from='STANDARD'][data-to='HARD']"))
                    .getAttribute("class")).isEqualTo("cd-changed");
            // deployed, candidate, change, the candidate's cost
            assertThat(text(browser, "#cd-dry-run-channels tr[data-channel='SMS']")).isEqualTo("SMS 5 5 0 0.50 EUR");
            assertThat(text(browser, "#cd-dry-run-channels tr[data-channel='EMAIL']")).isEqualTo("EMAIL 2 3 +1 0.06 EUR");
            assertThat(text(browser, "#cd-dry-run-channels tr[data-channel='CALL']")).isEqualTo("CALL 6 6 0 12.00 EUR");
            assertThat(text(browser, "#cd-dry-run-channels tr[data-channel='LETTER']")).isEqualTo("LETTER 5 4 -1 6.00 EUR");
            assertThat(text(browser, "#cd-dry-run-channels tr[data-channel='ESCALATE']")).isEqualTo("ESCALATE 5 4 -1 0.00 EUR");
            assertThat(text(browser, "#cd-dry-run-channels tr[data-channel='cost']")).isEqualTo("Cost 20.04 EUR 18.56 EUR -1.48 EUR");
            browser.screenshot("candidate-contacts");
            assertThat(browser.driver().findElements(By.cssSelector("#cd-dry-run-days tbody tr"))).hasSize(30);
            assertThat(text(browser, "#cd-dry-run-days tr[data-day='" + today + "'] td[data-channel='SMS']")).isEqualTo("0 (3)");
            assertThat(text(browser, "#cd-dry-run-days tr[data-day='" + today + "'] td[data-channel='CALL']")).isEqualTo("3 (1)");
            browser.screenshot("candidate-contacts-per-day");
            assertThat(text(browser, "#cd-dry-run-problem-count")).isEqualTo("None.");

            browser.driver().findElement(By.id("cd-dry-run-segment")).sendKeys(medium.toString());
            browser.driver().findElement(By.id("cd-dry-run-start")).click();
            CockpitPages.waitUntil(browser, "the refusal at the segment file", () -> text(browser, "[data-error-for='segment']")
                    .equals("segment.dmn has the output 'MEDIUM' in rule 'ticket-segment-rule-6' of decision 'ticket-segment',"
                            + " column 'segment', which allows only 'STANDARD', 'SOFT', 'HARD', 'B2B' — an output column with"
                            + " allowed values (outputValues) takes only those; add a new value to the column's allowed values,"
                            + " and to the code that reads it, first."));
            assertThat(text(browser, "#cd-dry-run-result")).startsWith("segment: segment.dmn has the output 'MEDIUM'");
            assertThat(browser.driver().findElements(By.id("cd-dry-run-matrix"))).as("no result for a refused candidate").isEmpty();
            browser.screenshot("candidate-refused");
        }
    }

    private void open(String productType, String owed, LocalDate due) {
        LedgerFixture ledger = LedgerFixture.of(context);
        Customer debtor = ledger.customer(0);
        Contract contract = ledger.contract(debtor, productType);
        ledger.invoice(debtor, contract, owed, due);
        TicketDriver.of(context).open(debtor.getId(), clock.today());
    }

    /** The text as the user reads it, scrolled to: the page scrolls inside Cockpit's view, which hides what is below. */
    private static String text(HeadlessChromium browser, String css) {
        WebElement found = browser.driver().findElement(By.cssSelector(css));
        ((JavascriptExecutor) browser.driver()).executeScript("arguments[0].scrollIntoView({block: 'center'})", found);
        return found.getText();
    }

    private static String cell(HeadlessChromium browser, String from, String to) {
        return text(browser, "#cd-dry-run-matrix td[data-from='" + from + "'][data-to='" + to + "']");
    }

    /** As DryRunTest's: HARD from 60 days past due, SOFT up to 200 owed. */
    private static String segmentCandidate() throws IOException {
        return new ClassPathResource("dmn/ticket-segment.dmn").getContentAsString(StandardCharsets.UTF_8)
                .replace("<inputEntry id=\"ticket-segment-rule-2-in-0\"><text>&gt; 90</text></inputEntry>",
                        "<inputEntry id=\"ticket-segment-rule-2-in-0\"><text>&gt; 60</text></inputEntry>")
                .replace("<inputEntry id=\"ticket-segment-rule-5-in-1\"><text>&lt; 100</text></inputEntry>",
                        "<inputEntry id=\"ticket-segment-rule-5-in-1\"><text>&lt; 200</text></inputEntry>");
    }

    private String base() {
        return "http://localhost:" + port;
    }
}
