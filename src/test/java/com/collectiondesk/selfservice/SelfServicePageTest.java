package com.collectiondesk.selfservice;

import static org.assertj.core.api.Assertions.assertThat;

import com.collectiondesk.ledger.Customer;
import com.collectiondesk.outreach.Channel;
import com.collectiondesk.outreach.DebtorPageLinks;
import com.collectiondesk.security.Groups;
import com.collectiondesk.support.TestUsers;
import com.collectiondesk.ticket.Ticket;
import com.collectiondesk.ticket.TicketEvent;
import com.collectiondesk.ticket.TicketProcess;
import com.collectiondesk.ticket.TicketStatus;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** The debtor's page over HTTP, as a browser without script reaches it from the link in a sandbox SMS. */
class SelfServicePageTest extends SelfServiceTestBase {

    @Test
    void theSmsLinkOpensTheNameAndTotalButNoInvoicesAndItsFirstOpeningIsOnTheTimeline() {
        String page = linkFromTheSms();
        String token = page.substring(3);
        assertThat(jdbc.queryForList("select token_hash from self_service_link", String.class))
                .contains(LinkTokens.hash(token)).doesNotContain(token);

        HttpResponse<String> opened = browser.get(page);
        browser.get(page);

        assertThat(opened.statusCode()).isEqualTo(200);
        assertThat(opened.body()).contains("Hello, Ivana Petrova", "€300.00", "Postal code of your address", "name=\"csrf\"")
                .doesNotContain("INV-", "Vitosha", "1000 Sofia");
        assertThat(opened.headers().firstValue("Cache-Control")).hasValue("no-store");
        assertThat(opened.headers().firstValue("X-Frame-Options")).hasValue("DENY");
        assertThat(opened.headers().firstValue("Content-Security-Policy")).hasValue(
                "default-src 'none'; style-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'");
        List<TicketEvent> openings = events.findByTicketIdOrderByAtAscIdAsc(ticketOf(instance).getId()).stream()
                .filter(event -> event.getType().equals("SELF_SERVICE_OPENED")).toList();
        assertThat(openings).singleElement().satisfies(event -> {
            assertThat(event.getDetails()).isEqualTo("Opened the self-service page from the sms link");
            assertThat(event.getAuthor()).isEqualTo("debtor");
        });
    }

    @Test
    void theSecondFactorOpensTheInvoicesInTheDebtorsLanguageAndTheSwitcherChangesIt() {
        String page = verifiedPage();

        assertThat(browser.get(page).body()).contains("Invoices", "Pay now", "Promise to pay the rest", "€200.00", "€100.00");
        HttpResponse<String> german = browser.get(page + "?lang=de");
        assertThat(german.body()).contains("<html lang=\"de\"", "Guten Tag, Ivana Petrova", "300,00 €", "Rechnungen");
    }

    @Test
    void tamperedExpiredRevokedForeignAndMalformedLinksAllGetTheSameAnswer() {
        String page = linkFromTheSms();
        String token = page.substring(3);
        String tampered = "/s/" + (token.charAt(0) == 'A' ? 'B' : 'A') + token.substring(1);
        String foreign = "/s/" + LinkTokens.newToken();
        String revoked = DebtorBrowser.pathOf(pageLinks.linkFor(ticketOf(instance).getTicketNumber(), debtor.getId(), Channel.EMAIL));
        TestUsers.ensure(engine.getIdentityService(), "ss-collector", Groups.COLLECTORS);
        HttpResponse<String> revokedByStaff = browser.postJson("/api/tickets/" + ticketOf(instance).getTicketNumber()
                + "/self-service-links/revoke", "", Map.of("Authorization", "Basic " + java.util.Base64.getEncoder()
                .encodeToString(("ss-collector:" + TestUsers.PASSWORD).getBytes(java.nio.charset.StandardCharsets.UTF_8))));
        assertThat(revokedByStaff.statusCode()).as(revokedByStaff.body()).isEqualTo(200);
        assertThat(revokedByStaff.body()).isEqualTo("{\"revoked\":2}");
        assertThat(timelineTypes(ticketOf(instance))).contains("SELF_SERVICE_REVOKED");
        String expiring = DebtorBrowser.pathOf(pageLinks.linkFor(ticketOf(instance).getTicketNumber(), debtor.getId(), Channel.LETTER));
        ClockUtil.setCurrentTime(Date.from(ClockUtil.getCurrentTime().toInstant().plus(Duration.ofDays(30)).plusSeconds(1)));

        List<HttpResponse<String>> answers = new ArrayList<>();
        for (String refused : List.of(tampered, foreign, revoked, expiring, "/s/short", page)) {
            answers.add(browser.get(refused));
        }
        assertThat(answers).allSatisfy(answer -> {
            assertThat(answer.statusCode()).isEqualTo(404);
            assertThat(answer.body()).isEqualTo(answers.get(0).body()).contains("This link is not valid or has expired")
                    .doesNotContain("Ivana");
            assertThat(answer.headers().firstValue("Cache-Control")).hasValue("no-store");
        });
        // the POST side answers alike: nothing to verify on a link that does not open
        assertThat(browser.post(foreign + "/verify", Map.of("answer", POSTAL_CODE, "csrf", "x")).body()).isEqualTo(answers.get(0).body());
    }

    @Test
    void fiveWrongAnswersLockThatLinkOnlyAndTheRightAnswerNoLongerOpensIt() {
        String page = linkFromTheSms();
        String csrf = DebtorBrowser.csrfOf(browser.get(page).body());
        List<Integer> statuses = new ArrayList<>();
        for (int attempt = 0; attempt < 5; attempt++) {
            HttpResponse<String> wrong = browser.submit(page, page + "/verify", Map.of("answer", "9999"));
            statuses.add(wrong.statusCode());
            if (attempt == 0) {
                assertThat(wrong.body()).contains("That answer does not match. Attempts left: 4.", "aria-invalid=\"true\"",
                        "aria-describedby=\"answer-error\"", "id=\"answer-error\"");
            }
        }
        assertThat(statuses).containsExactly(400, 400, 400, 400, 403);

        // the form's token still holds for this browser, but the link does not open any more
        HttpResponse<String> right = browser.post(page + "/verify", Map.of("answer", POSTAL_CODE, "csrf", csrf));
        assertThat(right.statusCode()).isEqualTo(403);
        assertThat(right.body()).contains("this link is locked").doesNotContain("INV-");
        assertThat(browser.get(page).body()).contains("this link is locked").doesNotContain("name=\"answer\"");
        assertThat(timelineTypes(ticketOf(instance))).containsOnlyOnce("SELF_SERVICE_LOCKED");

        // a newer message's link is not locked
        String newer = DebtorBrowser.pathOf(pageLinks.linkFor(ticketOf(instance).getTicketNumber(), debtor.getId(), Channel.EMAIL));
        assertThat(browser.submit(newer, newer + "/verify", Map.of("answer", POSTAL_CODE)).statusCode()).isEqualTo(303);
        assertThat(browser.get(newer).body()).contains("€200.00");
    }

    @Test
    void aFormWithoutItsOwnCsrfTokenIsRefusedAndNothingIsCountedOrOpened() {
        String page = linkFromTheSms();
        String other = DebtorBrowser.pathOf(pageLinks.linkFor(ticketOf(instance).getTicketNumber(), debtor.getId(), Channel.EMAIL));
        String otherLinksToken = DebtorBrowser.csrfOf(browser.get(other).body());
        browser.get(page);

        for (Map<String, String> form : List.of(Map.of("answer", POSTAL_CODE), Map.of("answer", POSTAL_CODE, "csrf", "forged"),
                Map.of("answer", POSTAL_CODE, "csrf", otherLinksToken))) {
            HttpResponse<String> refused = browser.post(page + "/verify", form);
            assertThat(refused.statusCode()).isEqualTo(403);
            assertThat(refused.body()).contains("This form has expired");
        }
        assertThat(browser.get(page).body()).doesNotContain("INV-").contains("name=\"answer\"");
        assertThat(jdbc.queryForObject("select max(failed_factors) from self_service_link where ticket_fk = ?", Integer.class,
                ticketOf(instance).getId())).isZero();
        // a verified browser's mark does not open another link of the same ticket
        assertThat(browser.submit(page, page + "/verify", Map.of("answer", POSTAL_CODE)).statusCode()).isEqualTo(303);
        assertThat(browser.get(other).body()).doesNotContain("INV-");
    }

    @Test
    void aPromiseInsideThePolicyMakesTheTicketPromisedByTheDebtor() {
        String page = verifiedPage();

        HttpResponse<String> promised = browser.submit(page, page + "/promise",
                Map.of("promiseAmount", "300,00", "promiseDate", TODAY.plusDays(10).toString()));

        assertThat(promised.statusCode()).isEqualTo(200);
        assertThat(promised.body()).contains("your promise of €300.00 by Mar 12, 2026 is recorded");
        Ticket ticket = ticketOf(instance);
        assertThat(ticket.getStatus()).isEqualTo(TicketStatus.PROMISED);
        assertThat(events.findByTicketIdOrderByAtAscIdAsc(ticket.getId())).filteredOn(e -> e.getType().equals("PROMISE"))
                .singleElement().extracting(TicketEvent::getAuthor).isEqualTo("debtor");
        runAsyncJobs(instance);
        assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(instance.getId())
                .activityIdIn(TicketProcess.WAIT_FOR_PROMISE).count()).isEqualTo(1);
    }

    @Test
    void aPromiseBeyondThePolicyGoesToTheOwnerAsATaskAndTheTicketStaysOpen() {
        String page = verifiedPage();

        HttpResponse<String> requested = browser.submit(page, page + "/promise",
                Map.of("promiseAmount", "300.00", "promiseDate", TODAY.plusDays(40).toString()));

        assertThat(requested.statusCode()).isEqualTo(200);
        assertThat(requested.body()).contains("Your case handler will review it");
        Ticket ticket = ticketOf(instance);
        assertThat(ticket.getStatus()).isEqualTo(TicketStatus.OPEN);
        assertThat(promises.findByTicketIdOrderByIdAsc(ticket.getId())).isEmpty();
        var task = engine.getTaskService().createTaskQuery().processInstanceBusinessKey(ticket.getTicketNumber())
                .taskDefinitionKey(TicketProcess.ANSWER_REPLY).singleResult();
        assertThat(task).isNotNull();
        assertThat(engine.getRuntimeService().getVariable(task.getExecutionId(), "replyText").toString())
                .contains("300.00 EUR by " + TODAY.plusDays(40), "the policy allows by " + TODAY.plusDays(14));
        assertThat(timelineTypes(ticket)).contains("SELF_SERVICE_REQUEST");
    }

    @Test
    void wrongAmountsAndDatesAreNamedAtTheirFieldsAndNothingIsTaken() {
        String page = verifiedPage();

        HttpResponse<String> refused = browser.submit(page, page + "/promise", Map.of("promiseAmount", "500", "promiseDate", "yesterday"));

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("id=\"promiseAmount-error\">Enter at most €300.00.",
                "id=\"promiseDate-error\">Enter a date from today on.", "value=\"500\"");
        assertThat(promises.findByTicketIdOrderByIdAsc(ticketOf(instance).getId())).isEmpty();
        HttpResponse<String> payRefused = browser.submit(page, page + "/pay", Map.of("payAmount", "-5"));
        assertThat(payRefused.statusCode()).isEqualTo(400);
        assertThat(payRefused.body()).contains("id=\"payAmount-error\">Enter an amount such as 50.00.");
        assertThat(jdbc.queryForObject("select count(*) from self_service_payment where ticket_fk = ?", Integer.class,
                ticketOf(instance).getId())).isZero();
    }

    @Test
    void actionsWithoutTheSecondFactorDoNothing() {
        String page = linkFromTheSms();

        HttpResponse<String> refused = browser.submit(page, page + "/promise", Map.of("promiseAmount", "300", "promiseDate",
                TODAY.plusDays(3).toString()));

        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.body()).contains("name=\"answer\"");
        assertThat(ticketOf(instance).getStatus()).isEqualTo(TicketStatus.OPEN);
    }

    @Test
    void theStaffSideStaysLockedBesideThePublicPages() {
        HttpResponse<String> api = browser.get("/api/tickets/" + ticketOf(instance).getTicketNumber());
        assertThat(api.statusCode()).as(api.body()).isEqualTo(401);
        assertThat(browser.get("/api/me").statusCode()).isEqualTo(401);
        assertThat(browser.get("/api/tickets").statusCode()).isEqualTo(401);
    }
}
