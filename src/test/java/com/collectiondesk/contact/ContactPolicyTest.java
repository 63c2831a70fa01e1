package com.collectiondesk.contact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import com.collectiondesk.ledger.Customer;
import com.collectiondesk.ledger.CustomerRepository;
import com.collectiondesk.outreach.Channel;
import com.collectiondesk.support.TicketProcessTestBase;
import com.collectiondesk.support.ledger.Debtors;
import com.collectiondesk.ticket.Ticket;
import com.collectiondesk.ticket.TicketEvent;
import com.collectiondesk.ticket.TicketProcess;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Each contact-policy rule allowing and refusing, in the debtor's own time zone, and how the process waits. */
class ContactPolicyTest extends TicketProcessTestBase {

    private static final ZoneId SOFIA = ZoneId.of("Europe/Sofia");

    @Autowired ContactPolicy policy;
    @Autowired ContactService contactService;
    @Autowired CustomerRepository customers;

    @Test
    void phonesTextsAndEmailsOnlyInsideLocalContactHoursLettersAnyTime() {
        Ticket ticket = ticketFor(debtor -> debtor);
        assertThat(decide(ticket, "SMS", sofia("2026-03-02T20:59")).verdict()).isEqualTo(ContactDecision.Verdict.ALLOWED);
        assertThat(decide(ticket, "LETTER", sofia("2026-03-02T23:30")).verdict()).isEqualTo(ContactDecision.Verdict.ALLOWED);
        assertThat(decide(ticket, "EMAIL", sofia("2026-03-02T23:30"))).extracting(ContactDecision::rule, ContactDecision::retryAt)
                .containsExactly("contact hours", sofia("2026-03-03T08:00"));

        ContactDecision late = decide(ticket, "SMS", sofia("2026-03-02T21:00"));
        assertThat(late.verdict()).isEqualTo(ContactDecision.Verdict.POSTPONED);
        assertThat(late.rule()).isEqualTo("contact hours");
        assertThat(late.retryAt()).isEqualTo(sofia("2026-03-03T08:00"));
        assertThat(late.inputs()).contains("local time 2026-03-02T21:00 Europe/Sofia", "allowed 08:00-21:00");

        ContactDecision early = decide(ticket, "CALL", sofia("2026-03-02T07:59"));
        assertThat(early.retryAt()).isEqualTo(sofia("2026-03-02T08:00"));
    }

    @Test
    void theSameMomentIsJudgedInEachDebtorsZoneWithCountryHours() {
        Instant moment = Instant.parse("2026-03-02T07:30:00Z"); // 09:30 Sofia, 07:30 London, 08:30 Berlin
        Ticket sofia = ticketFor(debtor -> debtor);
        Ticket london = ticketFor(debtor -> debtor.country("GB").timeZone("Europe/London"));
        assertThat(decide(sofia, "VOICE", moment).verdict()).isEqualTo(ContactDecision.Verdict.ALLOWED);
        assertThat(decide(london, "VOICE", moment).retryAt()).isEqualTo(Instant.parse("2026-03-02T08:00:00Z"));

        // Germany is configured to end at 20:00; Bulgaria keeps the default 21:00
        Instant evening = Instant.parse("2026-03-02T19:30:00Z"); // 20:30 Berlin, 21:30 Sofia
        Ticket berlin = ticketFor(debtor -> debtor.country("DE").timeZone("Europe/Berlin"));
        ContactDecision german = decide(berlin, "SMS", evening);
        assertThat(german.verdict()).isEqualTo(ContactDecision.Verdict.POSTPONED);
        assertThat(german.inputs()).contains("allowed 08:00-20:00 (DE)");
        assertThat(german.retryAt()).isEqualTo(Instant.parse("2026-03-03T07:00:00Z"));
        assertThat(decide(berlin, "SMS", Instant.parse("2026-03-02T18:59:00Z")).verdict()).isEqualTo(ContactDecision.Verdict.ALLOWED);
    }

    @Test
    void theNextMorningAcrossTheDaylightSavingChangeIsEightLocal() {
        Ticket ticket = ticketFor(debtor -> debtor);
        // Sofia moves from UTC+2 to UTC+3 in the night of 28/29 March 2026
        ContactDecision decision = decide(ticket, "SMS", sofia("2026-03-28T22:00"));
        assertThat(decision.retryAt()).isEqualTo(Instant.parse("2026-03-29T05:00:00Z"));
        assertThat(decision.retryAt().atZone(SOFIA).toLocalTime()).hasToString("08:00");
    }

    @Test
    void atMostSevenCallAttemptsInSevenDays() {
        Ticket ticket = ticketFor(debtor -> debtor);
        Instant now = sofia("2026-03-10T10:00");
        for (int day = 6; day >= 1; day--) {
            attempt(ticket, day % 2 == 0 ? "CALL" : "VOICE", day == 6 ? "NO_ANSWER" : "SENT", now.minus(Duration.ofDays(day)));
        }
        assertThat(decide(ticket, "CALL", now).verdict()).isEqualTo(ContactDecision.Verdict.ALLOWED);

        attempt(ticket, "CALL", "NO_ANSWER", now.minus(Duration.ofHours(1)));
        ContactDecision eighth = decide(ticket, "VOICE", now);
        assertThat(eighth.verdict()).isEqualTo(ContactDecision.Verdict.POSTPONED);
        assertThat(eighth.rule()).isEqualTo("at most 7 calls in 7 days");
        assertThat(eighth.retryAt()).isEqualTo(now.minus(Duration.ofDays(6)).plus(Duration.ofDays(7)));
        assertThat(decide(ticket, "SMS", now).verdict()).isEqualTo(ContactDecision.Verdict.ALLOWED);
    }

    @Test
    void noCallsWithinSevenDaysOfAConversationButTextsGoOn() {
        Ticket ticket = ticketFor(debtor -> debtor);
        Instant spoke = sofia("2026-03-05T11:00");
        attempt(ticket, "CALL", "REACHED", spoke);

        ContactDecision call = decide(ticket, "CALL", sofia("2026-03-09T10:00"));
        assertThat(call.verdict()).isEqualTo(ContactDecision.Verdict.POSTPONED);
        assertThat(call.rule()).isEqualTo("no calls within 7 days of a conversation");
        assertThat(call.retryAt()).isEqualTo(sofia("2026-03-12T11:00"));
        assertThat(decide(ticket, "SMS", sofia("2026-03-09T10:00")).verdict()).isEqualTo(ContactDecision.Verdict.ALLOWED);
        assertThat(decide(ticket, "CALL", sofia("2026-03-12T11:00")).verdict()).isEqualTo(ContactDecision.Verdict.ALLOWED);
    }

    @Test
    void atMostThreeWrittenRemindersInThirtyDays() {
        Ticket ticket = ticketFor(debtor -> debtor);
        Instant now = sofia("2026-03-20T10:00");
        attempt(ticket, "SMS", "SENT", sofia("2026-02-25T09:00"));
        attempt(ticket, "EMAIL", "SENT", sofia("2026-03-05T09:00"));
        assertThat(decide(ticket, "LETTER", now).verdict()).isEqualTo(ContactDecision.Verdict.ALLOWED);

        attempt(ticket, "LETTER", "SENT", sofia("2026-03-15T09:00"));
        ContactDecision fourth = decide(ticket, "EMAIL", now);
        assertThat(fourth.verdict()).isEqualTo(ContactDecision.Verdict.POSTPONED);
        assertThat(fourth.rule()).isEqualTo("at most 3 written reminders in 30 days");
        assertThat(fourth.retryAt()).isEqualTo(sofia("2026-03-27T09:00"));
        assertThat(decide(ticket, "CALL", now).verdict()).isEqualTo(ContactDecision.Verdict.ALLOWED);
    }

    @Test
    void optOutsAreSkippedPerChannelAndCeasedCommunicationStopsEverything() {
        Ticket noSms = ticketFor(debtor -> debtor.smsOptOut(true));
        Instant now = sofia("2026-03-02T10:00");
        assertThat(decide(noSms, "SMS", now)).extracting(ContactDecision::verdict, ContactDecision::rule)
                .containsExactly(ContactDecision.Verdict.SKIPPED, "sms opt-out");
        assertThat(decide(noSms, "EMAIL", now).verdict()).isEqualTo(ContactDecision.Verdict.ALLOWED);

        Ticket noEmail = ticketFor(debtor -> debtor.emailOptOut(true));
        assertThat(decide(noEmail, "EMAIL", now).rule()).isEqualTo("email opt-out");
        assertThat(decide(noEmail, "SMS", now).verdict()).isEqualTo(ContactDecision.Verdict.ALLOWED);

        Ticket noVoice = ticketFor(debtor -> debtor.voiceOptOut(true));
        assertThat(decide(noVoice, "VOICE", now).rule()).isEqualTo("voice opt-out");
        assertThat(decide(noVoice, "SMS", now).verdict()).isEqualTo(ContactDecision.Verdict.ALLOWED);

        Ticket stopped = ticketFor(debtor -> debtor.smsStoppedAt(now));
        assertThat(decide(stopped, "SMS", now)).extracting(ContactDecision::verdict, ContactDecision::rule)
                .containsExactly(ContactDecision.Verdict.SKIPPED, "sms opt-out");
        Ticket unsubscribed = ticketFor(debtor -> debtor.emailUnsubscribedAt(now));
        assertThat(decide(unsubscribed, "EMAIL", now).rule()).isEqualTo("email opt-out");

        Ticket ceased = ticketFor(debtor -> debtor.ceasedCommunication(true));
        for (String channel : List.of("SMS", "EMAIL", "LETTER", "VOICE", "CALL")) {
            assertThat(decide(ceased, channel, now)).extracting(ContactDecision::verdict, ContactDecision::rule)
                    .containsExactly(ContactDecision.Verdict.SKIPPED, "ceased communication");
        }
    }

    @Test
    void aDebtorWhoHasPaidMeanwhileGetsNothingAndTheTimelineSaysWhy() {
        Customer debtor = standardDebtor();
        ProcessInstance instance = openAndPlan(debtor);
        Ticket ticket = ticketOf(instance);
        assertThat(contactService.checkStep(ticket.getId(), 0).verdict()).isEqualTo(ContactDecision.Verdict.ALLOWED);

        // paid in full behind the process's back: the ticket still says 300.00, the ledger says 0
        ledger.pay(debtor, "300.00", TODAY);
        ContactDecision decision = transaction.execute(status -> contactService.checkStep(ticket.getId(), 0));
        assertThat(decision).extracting(ContactDecision::verdict, ContactDecision::rule)
                .containsExactly(ContactDecision.Verdict.SKIPPED, "zero balance");
        assertThat(events.findByTicketIdOrderByAtAscIdAsc(ticket.getId())).extracting(TicketEvent::getType, TicketEvent::getDetails)
                .filteredOn(event -> "CONTACT_POLICY".equals(event.toList().get(0)))
                .extracting(event -> (String) event.toList().get(1))
                .containsSubsequence("SMS ALLOWED by rule 'all rules passed'; inputs: local time 2026-03-02T08:00 Europe/Sofia, allowed 08:00-21:00 (BG)",
                        "SMS SKIPPED by rule 'zero balance'; inputs: overdue 0.00 EUR");
    }

    @Test
    void aCappedSmsWaitsInTheProcessUntilTheNextAllowedMomentThenGoesOut() {
        ProcessInstance instance = openAndPlan(standardDebtor());
        Ticket ticket = ticketOf(instance);
        attempt(ticket, "EMAIL", "SENT", sofia("2026-02-10T09:00"));
        attempt(ticket, "LETTER", "SENT", sofia("2026-02-20T09:00"));
        attempt(ticket, "SMS", "SENT", sofia("2026-02-25T09:00"));

        fireTimer(instance);
        assertThat(instance).isWaitingAt(TicketProcess.WAIT_UNTIL_ALLOWED);
        assertThat(contacts.findByTicketIdOrderByAtAscIdAsc(ticket.getId())).hasSize(3);

        Instant retry = fireTimer(instance);
        assertThat(retry).isEqualTo(sofia("2026-03-12T09:00"));
        runAsyncJobs(instance);
        assertThat(contacts.findByTicketIdOrderByAtAscIdAsc(ticket.getId())).last()
                .satisfies(sms -> assertThat(sms.getSendKey()).isEqualTo(ticket.getTicketNumber() + ":1:0:SMS"));
        assertThat(timelineTypes(ticketOf(instance))).containsSubsequence("CONTACT_POLICY", "CONTACT_POLICY", "CONTACT", "STEP_DONE");
    }

    @Test
    void aCallTaskIsNotCreatedWithinSevenDaysOfAConversation() {
        ProcessInstance instance = openAndPlan(standardDebtor());
        Ticket ticket = ticketOf(instance);
        runNextStep(instance); // day-0 SMS
        attempt(ticket, "CALL", "REACHED", sofia("2026-03-06T15:00")); // the debtor called back on day 4

        fireTimer(instance); // day-5 call step
        assertThat(instance).isWaitingAt(TicketProcess.WAIT_UNTIL_ALLOWED);
        assertThat(engine.getTaskService().createTaskQuery().processInstanceId(instance.getId()).count()).isZero();

        assertThat(fireTimer(instance)).isEqualTo(sofia("2026-03-13T15:00"));
        assertThat(instance).isWaitingAt(TicketProcess.CALL_DEBTOR);
    }

    private ContactDecision decide(Ticket ticket, String channel, Instant now) {
        return transaction.execute(status -> policy.decide(tickets.findById(ticket.getId()).orElseThrow(), Channel.valueOf(channel), now));
    }

    private void attempt(Ticket ticket, String channel, String outcome, Instant at) {
        contacts.save(new ContactAttempt(ticket.getId(), "test:" + UUID.randomUUID(), Channel.valueOf(channel), null, at)
                .withResult(outcome, null, "test"));
    }

    private Ticket ticketFor(UnaryOperator<Debtors.Debtor> setUp) {
        return ticketOf(openAndPlan(ledger.change(standardDebtor(), setUp)));
    }

    private static Instant sofia(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(SOFIA).toInstant();
    }
}
