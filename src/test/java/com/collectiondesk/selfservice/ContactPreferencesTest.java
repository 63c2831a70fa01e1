package com.collectiondesk.selfservice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.collectiondesk.contact.CallWindows;
import com.collectiondesk.contact.ContactAttempt;
import com.collectiondesk.ledger.Contract;
import com.collectiondesk.ledger.Customer;
import com.collectiondesk.ledger.LedgerQueries;
import com.collectiondesk.outreach.Channel;
import com.collectiondesk.security.Groups;
import com.collectiondesk.support.TestUsers;
import com.collectiondesk.ticket.TicketEvent;
import com.collectiondesk.ticket.TicketProcess;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** A preferred channel and time of day from the page, read by the contact policy; a corrected phone or e-mail for the owner. */
class ContactPreferencesTest extends SelfServiceTestBase {

    private static final ZoneId SOFIA = ZoneId.of("Europe/Sofia");

    @Autowired LedgerQueries ledgerQueries;
    @Autowired CallWindows callWindows;

    @Test
    void anEveningPreferenceMovesTheNextAutomatedSendFromNineToFiveOnTheEngineClock() {
        // a mortgage debtor: SMS on day 0 (the link), an automated voice reminder on day 3
        Customer customer = ledger.customer(500);
        Contract mortgage = ledger.contract(customer, "MORTGAGE");
        ledger.invoice(customer, mortgage, "200.00", TODAY.minusDays(20));
        ledger.invoice(customer, mortgage, "100.00", TODAY.minusDays(5));
        debtor = ledger.change(customer, d -> d.name("Ivana Petrova").address("1 Vitosha Blvd, 1000 Sofia"));
        instance = openAndPlan(debtor);
        String page = verifiedPage();

        HttpResponse<String> saved = browser.submit(page, page + "/contact-preference",
                Map.of("preferredChannel", "SMS", "preferredTime", "EVENING"));
        assertThat(saved.statusCode()).isEqualTo(200);
        assertThat(saved.body()).contains("we will contact you as you prefer", "<option value=\"EVENING\" selected>",
                "<option value=\"SMS\" selected>");

        Instant stepDue = fireTimer(instance);
        runAsyncJobs(instance);
        assertThat(stepDue).isEqualTo(sofia(TODAY.plusDays(3), 9));
        assertThat(events.findByTicketIdOrderByAtAscIdAsc(ticketOf(instance).getId()))
                .filteredOn(e -> e.getType().equals("CONTACT_POLICY")).last().extracting(TicketEvent::getDetails).asString()
                .startsWith("VOICE POSTPONED by rule 'the debtor's preferred time of day' until " + sofia(TODAY.plusDays(3), 17))
                .contains("the debtor prefers the evening (17:00-21:00)");
        Instant retry = fireTimer(instance);
        runAsyncJobs(instance);

        assertThat(retry).isEqualTo(sofia(TODAY.plusDays(3), 17));
        List<ContactAttempt> sent = contacts.findByTicketIdOrderByAtAscIdAsc(ticketOf(instance).getId());
        assertThat(sent).extracting(ContactAttempt::getChannel).containsExactly(Channel.SMS, Channel.VOICE);
        assertThat(sent.get(1).getAt()).isEqualTo(sofia(TODAY.plusDays(3), 17));
    }

    @Test
    void anAfternoonPreferenceOpensTheCollectorsCallAtNoonAndItsWindowFollowsThePreference() {
        String page = verifiedPage();
        browser.submit(page, page + "/contact-preference", Map.of("preferredChannel", "", "preferredTime", "AFTERNOON"));

        Instant stepDue = runNextStep(instance);

        assertThat(stepDue).isEqualTo(sofia(TODAY.plusDays(5), 9));
        assertThat(callTask()).as("no call task before noon").isNull();
        assertThat(events.findByTicketIdOrderByAtAscIdAsc(ticketOf(instance).getId()))
                .filteredOn(e -> e.getType().equals("CONTACT_POLICY")).last().extracting(TicketEvent::getDetails).asString()
                .startsWith("CALL POSTPONED by rule 'the debtor's preferred time of day' until " + sofia(TODAY.plusDays(5), 12));
        assertThat(fireTimer(instance)).isEqualTo(sofia(TODAY.plusDays(5), 12));
        runAsyncJobs(instance);
        Task call = callTask();
        assertThat(engine.getTaskService().getVariable(call.getId(), TicketProcess.CALL_WINDOW)).isEqualTo("Callable now");

        // at 17:30 the law still allows a call, the debtor's afternoon does not
        ClockUtil.setCurrentTime(Date.from(TODAY.plusDays(5).atTime(17, 30).atZone(SOFIA).toInstant()));
        callWindows.refreshAll();
        assertThat(engine.getTaskService().getVariable(call.getId(), TicketProcess.CALL_WINDOW)).asString()
                .startsWith("Next callable at 12:00 on ").endsWith("(debtor's time, Europe/Sofia): the debtor's preferred time of day");
        assertThat(timelineTypes(ticketOf(instance))).contains("CONTACT_PREFERENCE");
    }

    private Task callTask() {
        return engine.getTaskService().createTaskQuery().processInstanceId(instance.getId())
                .taskDefinitionKey(TicketProcess.CALL_DEBTOR).singleResult();
    }

    @Test
    void anUnknownChoiceIsRefusedAtItsFieldAndNothingIsSaved() {
        String page = verifiedPage();

        HttpResponse<String> refused = browser.submit(page, page + "/contact-preference",
                Map.of("preferredChannel", "PIGEON", "preferredTime", "MIDNIGHT"));

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("id=\"preferredChannel-error\">Choose a channel or a time of day.",
                "id=\"preferredTime-error\">Choose a channel or a time of day.");
        assertThat(jdbc.queryForObject("select count(*) from self_service_preference where customer_fk = ?", Integer.class,
                debtor.getId())).isZero();
    }

    @Test
    void aCorrectedPhoneWaitsForTheOwnerShowingOldAndNewAndApprovingWritesItToTheLedger() {
        String page = verifiedPage();
        String before = ledgerQueries.debtor(debtor.getId()).phone();

        HttpResponse<String> sent = browser.submit(page, page + "/contact-correction", Map.of("correctPhone", "+359 888 777 666"));

        assertThat(sent.statusCode()).isEqualTo(200);
        assertThat(sent.body()).contains("your case handler will confirm the change");
        assertThat(ledgerQueries.debtor(debtor.getId()).phone()).as("not before the owner confirms").isEqualTo(before);
        Task confirm = correctionTask();
        assertThat(engine.getTaskService().getVariables(confirm.getId())).containsEntry("correctionOld", before)
                .containsEntry("correctionNew", "+359 888 777 666").containsEntry("correctionField", "phone number");

        TestUsers.ensure(engine.getIdentityService(), "ss-owner", Groups.COLLECTORS);
        engine.getIdentityService().setAuthentication("ss-owner", List.of(Groups.COLLECTORS));
        try {
            complete(confirm, Map.of(ContactCorrections.DECISION, "APPROVE"));
        } finally {
            engine.getIdentityService().clearAuthentication();
        }

        assertThat(ledgerQueries.debtor(debtor.getId()).phone()).isEqualTo("+359888777666");
        assertThat(events.findByTicketIdOrderByAtAscIdAsc(ticketOf(instance).getId()))
                .filteredOn(e -> e.getType().startsWith("CONTACT_CORRECT")).extracting(TicketEvent::getType, TicketEvent::getAuthor)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("CONTACT_CORRECTION", "debtor"),
                        org.assertj.core.groups.Tuple.tuple("CONTACT_CORRECTED", "ss-owner"));
    }

    @Test
    void aRefusedCorrectionChangesNothingAndATaskWithoutADecisionStaysOpen() {
        String page = verifiedPage();
        String before = ledgerQueries.debtor(debtor.getId()).email();
        browser.submit(page, page + "/contact-correction", Map.of("correctEmail", "new.address@example.org"));
        Task confirm = correctionTask();

        assertThatThrownBy(() -> engine.getTaskService().complete(confirm.getId(), Map.of()))
                .hasMessageContaining("correctionDecision: must be APPROVE or REFUSE");
        complete(confirm, Map.of(ContactCorrections.DECISION, "REFUSE"));

        assertThat(ledgerQueries.debtor(debtor.getId()).email()).isEqualTo(before);
        assertThat(jdbc.queryForObject("select status from self_service_correction where customer_fk = ?", String.class,
                debtor.getId())).isEqualTo("REFUSED");
        assertThat(timelineTypes(ticketOf(instance))).contains("CONTACT_CORRECTION_REFUSED").doesNotContain("CONTACT_CORRECTED");
    }

    @Test
    void aMalformedPhoneOrEmailIsRefusedAtItsFieldAndNoTaskIsOpened() {
        String page = verifiedPage();

        HttpResponse<String> refused = browser.submit(page, page + "/contact-correction",
                Map.of("correctPhone", "call me maybe", "correctEmail", "not-an-address"));
        HttpResponse<String> empty = browser.submit(page, page + "/contact-correction", Map.of());

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("id=\"correctPhone-error\">Enter a phone number such as +44 7911 123456.",
                "id=\"correctEmail-error\">Enter an email address such as name@example.com.", "value=\"call me maybe\"");
        assertThat(empty.statusCode()).isEqualTo(400);
        assertThat(empty.body()).contains("id=\"correctPhone-error\">Enter a new phone number or email address.");
        assertThat(engine.getTaskService().createTaskQuery().processInstanceBusinessKey(instance.getBusinessKey())
                .taskDefinitionKey(ContactCorrections.TASK).count()).isZero();
    }

    private Task correctionTask() {
        return engine.getTaskService().createTaskQuery().processInstanceBusinessKey(instance.getBusinessKey())
                .taskDefinitionKey(ContactCorrections.TASK).singleResult();
    }

    private static Instant sofia(java.time.LocalDate day, int hour) {
        return day.atTime(hour, 0).atZone(SOFIA).toInstant();
    }
}
