package com.collectiondesk.worklist;

import static org.assertj.core.api.Assertions.assertThat;

import com.collectiondesk.ledger.Contract;
import com.collectiondesk.ledger.Customer;
import com.collectiondesk.ledger.CustomerRepository;
import com.collectiondesk.security.Groups;
import com.collectiondesk.support.IntegrationTest;
import com.collectiondesk.support.LedgerFixture;
import com.collectiondesk.support.TestUsers;
import com.collectiondesk.support.TicketDriver;
import com.collectiondesk.support.browser.HeadlessChromium;
import com.collectiondesk.support.browser.RequiresChromium;
import com.collectiondesk.support.browser.TasklistPage;
import com.collectiondesk.ticket.TicketProcess;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.TestPropertySource;

/**
 * A collector works a call in a real browser: Tasklist, filter "Calls due today", claim, the call form with
 * a promise, complete; the ticket API then says PROMISED. Runs on the real clock, which the webapps share.
 */
@IntegrationTest
@RequiresChromium
// The test runs on the real clock at any hour; the contact policy's quiet hours would hold the call back at night.
@TestPropertySource(properties = {
        "collection.contact-policy.countries.BG.start=00:00",
        "collection.contact-policy.countries.BG.end=23:59:59.999999999"})
class CollectorTasklistBrowserTest {

    @LocalServerPort int port;
    @Autowired ApplicationContext context;
    @Autowired ProcessEngine engine;
    @Autowired IdentityService identity;
    @Autowired CustomerRepository customers;
    @Autowired CollectorProfileRepository profiles;
    @Autowired TestRestTemplate rest;

    @Test
    void aCollectorPromisesInTheCallFormAndTheTicketIsPromised() {
        ClockUtil.reset();
        profiles.deleteAll();
        TestUsers.ensure(identity, "carla", Groups.COLLECTORS);
        LocalDate today = LocalDate.now(ZoneId.systemDefault());
        TicketDriver tickets = TicketDriver.of(context);
        String ticket = openCallableTicket();
        Task call = tickets.runUntilTask(ticket, TicketProcess.CALL_DEBTOR, false);
        assertThat(call.getAssignee()).as("nobody owns the ticket, so the call waits to be claimed").isNull();
        LocalDate promised = today.plusDays(7);

        try (HeadlessChromium browser = HeadlessChromium.start("collector-promise")) {
            TasklistPage tasklist = TasklistPage.open(browser, "http://localhost:" + port, engine.getName(), "carla", TestUsers.PASSWORD)
                    .selectFilter(TasklistFilters.CALLS_DUE_TODAY);
            browser.screenshot("calls-due-today");
            tasklist.openTaskShowing(ticket).claim();
            assertThat(tasklist.tableRows("Overdue invoices")).hasSize(2);
            assertThat(tasklist.fieldValue("Call window")).isEqualTo("Callable now");
            browser.screenshot("call-form");
            tasklist.choose("Outcome", "Promise to pay")
                    .type("Promised amount", "300")
                    .type("Promised date", promised.format(DateTimeFormatter.ofPattern("MM/dd/yyyy")));
            browser.screenshot("promise-filled");
            tasklist.complete();
            browser.screenshot("completed");

            Map<?, ?> detail = browser.waitUpTo(Duration.ofSeconds(30)).until(driver -> {
                Map<?, ?> body = rest.withBasicAuth("carla", TestUsers.PASSWORD).getForObject("/api/tickets/" + ticket, Map.class);
                return "PROMISED".equals(((Map<?, ?>) body.get("ticket")).get("status")) ? body : null;
            });
            assertThat(((Map<?, ?>) detail.get("ticket")).get("owner")).isEqualTo("carla");
        }
    }

    @Test
    void aCallWithinSevenDaysOfAConversationShowsWhenItMayBeMadeAndIsRefusedInTasklist() {
        ClockUtil.reset();
        profiles.deleteAll();
        TestUsers.ensure(identity, "cleo", Groups.COLLECTORS);
        String ticket = openCallableTicket();
        Task call = TicketDriver.of(context).runUntilTask(ticket, TicketProcess.CALL_DEBTOR, false);
        // the debtor rang and a colleague spoke with them a moment ago
        assertThat(rest.withBasicAuth("cleo", TestUsers.PASSWORD).postForEntity("/api/tickets/" + ticket + "/calls",
                Map.of("outcome", "REACHED"), Map.class).getStatusCode().value()).isEqualTo(201);
        assertThat((String) engine.getTaskService().getVariable(call.getId(), TicketProcess.CALL_WINDOW))
                .startsWith("Next callable at ").endsWith("no calls within 7 days of a conversation");

        try (HeadlessChromium browser = HeadlessChromium.start("collector-not-callable")) {
            TasklistPage tasklist = TasklistPage.open(browser, "http://localhost:" + port, engine.getName(), "cleo", TestUsers.PASSWORD)
                    .selectFilter(TasklistFilters.UNASSIGNED_CALLS);
            tasklist.openTaskShowing(ticket).claim();
            assertThat(tasklist.fieldValue("Call window")).startsWith("Next callable at ")
                    .contains("(debtor's time, " + ZoneId.systemDefault().getId() + ")");
            assertThat(tasklist.fieldValue("Last five contacts")).contains("CALL  REACHED  by cleo");
            browser.screenshot("call-form-next-callable");
            tasklist.choose("Outcome", "No answer");
            assertThat(tasklist.completeRefused("no calls within 7 days of a conversation"))
                    .contains("The task stays open").doesNotContain("ENGINE-03051");
            browser.screenshot("call-refused");
        }
        assertThat(engine.getTaskService().createTaskQuery().taskId(call.getId()).count()).isEqualTo(1);
    }

    /** The call falls due at the end of today in the debtor's zone, which is "today" for Tasklist's filter too. */
    private String openCallableTicket() {
        LocalDate today = LocalDate.now(ZoneId.systemDefault());
        LedgerFixture ledger = LedgerFixture.of(context);
        Customer debtor = ledger.change(ledger.customer(50), stored -> stored.timeZone(ZoneId.systemDefault().getId()));
        Contract loan = ledger.contract(debtor, "CONSUMER_LOAN");
        ledger.invoice(debtor, loan, "200.00", today.minusDays(20));
        ledger.invoice(debtor, loan, "100.00", today.minusDays(5));
        return TicketDriver.of(context).open(debtor.getId(), today);
    }
}
