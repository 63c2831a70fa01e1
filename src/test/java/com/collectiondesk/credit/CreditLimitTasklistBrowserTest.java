package com.collectiondesk.credit;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.collectiondesk.erp.ErpWireMockTestBase;
import com.collectiondesk.ledger.Customer;
import com.collectiondesk.support.TestUsers;
import com.collectiondesk.support.browser.HeadlessChromium;
import com.collectiondesk.support.browser.RequiresChromium;
import com.collectiondesk.support.browser.TasklistPage;
import com.collectiondesk.worklist.TasklistFilters;
import java.time.Duration;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A manager approves a big limit increase in a real browser: Tasklist shows the customer, the score and its parts,
 * the current and suggested limit; form-js refuses a negative limit; the adjusted limit completes the task and the
 * ERP hears of it once.
 */
@RequiresChromium
class CreditLimitTasklistBrowserTest extends ErpWireMockTestBase {

    @LocalServerPort int port;
    @Autowired CreditScanStep scanStep;
    @Autowired CreditLimits limits;
    @Autowired JdbcTemplate jdbc;
    @Autowired IdentityService identity;

    @AfterEach
    void forget() {
        new CreditFixture(ledger, jdbc).forget();
    }

    @Test
    void aManagerAdjustsTheSuggestedLimitInTasklist() {
        CreditFixture credit = new CreditFixture(ledger, jdbc);
        credit.forget();
        ERP.stubFor(post(urlPathEqualTo("/credit-limits")).willReturn(aResponse().withStatus(202)));
        TestUsers.ensure(identity, "maren", "managers");
        Customer customer = credit.customer("1000.00", "12000.00", TODAY);
        credit.score(customer, 100, TODAY);
        scanStep.run(TODAY);
        ProcessInstance review = engine.getRuntimeService().createProcessInstanceQuery()
                .processInstanceBusinessKeyLike("credit-limit:" + customer.getCustomerId() + ":%").singleResult();
        Task task = engine.getTaskService().createTaskQuery().processInstanceId(review.getId()).singleResult();
        engine.getTaskService().setAssignee(task.getId(), "maren");
        // the webapps run on the real clock
        ClockUtil.reset();

        try (HeadlessChromium browser = HeadlessChromium.start("credit-limit-approval")) {
            TasklistPage tasklist = TasklistPage.open(browser, "http://localhost:" + port, engine.getName(), "maren",
                    TestUsers.PASSWORD).selectFilter(TasklistFilters.MY_TASKS).openTaskShowing("Approve credit limit");
            assertThat(tasklist.fieldValue("Customer")).isEqualTo(customer.getCustomerId() + " Ivana Petrova");
            assertThat(tasklist.fieldValue("Behavioural score")).isEqualTo("100 of 1000 (LOW)");
            assertThat(tasklist.fieldValue("Score parts")).contains("current DPD +100 (12 days)");
            assertThat(tasklist.fieldValue("Current limit")).isEqualTo("1000.00 EUR");
            assertThat(tasklist.fieldValue("Suggested limit")).isEqualTo("3000.00 EUR (+2000.00 EUR)");
            assertThat(tasklist.fieldValue("Why it needs approval")).isEqualTo("an increase of more than 20 %");
            browser.screenshot("approve-credit-limit");

            tasklist.pick("Decision", "Adjust: approve another limit").type("Approved limit", "-5");
            assertThat(tasklist.fieldErrors("Approved limit")).isNotEmpty();
            browser.screenshot("negative-limit");
            tasklist.type("Approved limit", "\b\b2500");
            browser.screenshot("adjusted-limit");
            tasklist.complete();

            CreditLimitChange adjusted = browser.waitUpTo(Duration.ofSeconds(30)).until(driver -> limits.history(customer.getId())
                    .stream().filter(change -> "ADJUSTED".equals(change.status())).findFirst().orElse(null));
            assertThat(adjusted.approvedLimit()).isEqualByComparingTo("2500.00");
            assertThat(adjusted.decidedBy()).isEqualTo("maren");
        }
        runAsyncJobs(review);
        assertThat(ERP.findAll(postRequestedFor(urlPathEqualTo("/credit-limits")))).singleElement()
                .satisfies(request -> assertThat(request.getBodyAsString()).contains("\"creditLimit\":2500.00"));
    }
}
