package com.collectiondesk.contact;

import static org.assertj.core.api.Assertions.assertThat;

import com.collectiondesk.ledger.CsvImport;
import com.collectiondesk.ledger.Customer;
import com.collectiondesk.ledger.CustomerRepository;
import com.collectiondesk.ledger.InvoiceRepository;
import com.collectiondesk.ledger.RecordKind;
import com.collectiondesk.outreach.Channel;
import com.collectiondesk.outreach.ContactEvents;
import com.collectiondesk.support.TicketProcessTestBase;
import com.collectiondesk.ticket.Ticket;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The contact budget is the debtor's: shared by all their tickets, not filled by their own replies, charged for
 * sends in doubt, and taken by exactly one of two contacts racing for the last slot. Derived time zones give the
 * hours common to every zone the debtor may be in.
 */
class ContactBudgetTest extends TicketProcessTestBase {

    private static final ZoneId SOFIA = ZoneId.of("Europe/Sofia");

    @Autowired ContactPolicy policy;
    @Autowired ContactService contactService;
    @Autowired CustomerRepository customers;
    @Autowired InvoiceRepository invoices;
    @Autowired ContactEvents providerEvents;
    @Autowired JdbcTemplate jdbc;
    @Autowired CsvImport csvImport;

    @Test
    void aDebtorWithEuroAndLevDebtHasOneWrittenBudgetAndOneSmsADayOverBothTickets() {
        Customer debtor = standardDebtor();
        Ticket euro = ticketOf(openAndPlan(debtor));
        Ticket lev = secondTicketInLev(debtor);
        Instant now = sofia("2026-03-20T10:00");
        attempt(euro, "SMS", "SENT", sofia("2026-03-01T09:00"));
        attempt(lev, "EMAIL", "SENT", sofia("2026-03-05T09:00"));
        assertThat(decide(lev, "LETTER", now).verdict()).isEqualTo(ContactDecision.Verdict.ALLOWED);

        attempt(euro, "LETTER", "SENT", sofia("2026-03-15T09:00"));
        ContactDecision fourth = decide(lev, "SMS", now);
        assertThat(fourth).extracting(ContactDecision::verdict, ContactDecision::rule, ContactDecision::retryAt)
                // 30 days are 720 hours: across the change to summer time that is 10:00 local
                .containsExactly(ContactDecision.Verdict.POSTPONED, "at most 3 written reminders in 30 days", sofia("2026-03-31T10:00"));
        assertThat(fourth.inputs()).contains("3 written reminders since", "over all the debtor's tickets");

        attempt(euro, "VOICE", "SENT", sofia("2026-03-20T09:30"));
        ContactDecision secondVoice = decide(lev, "VOICE", now);
        assertThat(secondVoice).extracting(ContactDecision::rule, ContactDecision::retryAt)
                .containsExactly("one VOICE a day", sofia("2026-03-21T08:00"));
    }

    @Test
    void aReplyIsNoWrittenReminderAndACallBackThatWasAConversationPausesCalls() {
        Customer debtor = debtorWithOwnPhone();
        Ticket ticket = ticketOf(openAndPlan(debtor));
        Instant now = sofia("2026-03-02T11:00");
        attempt(ticket, "SMS", "SENT", sofia("2026-02-20T09:00"));
        attempt(ticket, "EMAIL", "SENT", sofia("2026-02-25T09:00"));
        providerEvents.reply("SM" + UUID.randomUUID().toString().replace("-", ""), debtor.getPhone(), "I will pay on Friday");
        providerEvents.reply("SM" + UUID.randomUUID().toString().replace("-", ""), debtor.getPhone(), "Please call me");
        assertThat(contacts.findByTicketIdOrderByAtAscIdAsc(ticket.getId())).filteredOn(ContactAttempt::isInbound).hasSize(2);
        assertThat(decide(ticket, "LETTER", now).verdict()).isEqualTo(ContactDecision.Verdict.ALLOWED);

        // seven inbound calls are no call attempts of ours; the one that was a conversation pauses our calls
        for (int hour = 1; hour <= 7; hour++) {
            inbound(ticket, "CALL", "NO_ANSWER", now.minusSeconds(3600L * hour));
        }
        assertThat(decide(ticket, "CALL", now).verdict()).isEqualTo(ContactDecision.Verdict.ALLOWED);
        inbound(ticket, "CALL", "REACHED", sofia("2026-03-01T16:00"));
        assertThat(decide(ticket, "CALL", now)).extracting(ContactDecision::rule, ContactDecision::retryAt)
                .containsExactly("no calls within 7 days of a conversation", sofia("2026-03-08T16:00"));
    }

    @Test
    void aSendInDoubtOrAcceptedWithoutARecordCountsUntilSettledAsNotSent() {
        Customer debtor = standardDebtor();
        Ticket ticket = ticketOf(openAndPlan(debtor));
        Instant now = sofia("2026-03-10T10:00");
        attempt(ticket, "SMS", "SENT", sofia("2026-03-01T09:00"));
        attempt(ticket, "EMAIL", "SENT", sofia("2026-03-05T09:00"));
        String inDoubt = ticket.getTicketNumber() + ":9:1:LETTER";
        outbox(inDoubt, ticket, "LETTER", "SENDING");
        assertThat(decide(ticket, "EMAIL", now)).extracting(ContactDecision::verdict, ContactDecision::rule)
                .containsExactly(ContactDecision.Verdict.POSTPONED, "at most 3 written reminders in 30 days");

        // an operator settles it as not sent: the slot is free again
        jdbc.update("update outreach_send set status = 'FAILED' where send_key = ?", inDoubt);
        assertThat(decide(ticket, "EMAIL", now).verdict()).isEqualTo(ContactDecision.Verdict.ALLOWED);

        // the provider accepted an SMS, then the node died before the ticket recorded it
        outbox(ticket.getTicketNumber() + ":9:2:SMS", ticket, "SMS", "ACCEPTED");
        assertThat(decide(ticket, "EMAIL", now).rule()).isEqualTo("at most 3 written reminders in 30 days");
        assertThat(decide(ticket, "SMS", now).rule()).isEqualTo("at most 3 written reminders in 30 days");
    }

    @Test
    void twoCallsRacingForTheDebtorsLastCallSlotOnTwoTicketsExactlyOneGetsIt() throws Exception {
        Customer debtor = standardDebtor();
        Ticket euro = ticketOf(openAndPlan(debtor));
        Ticket lev = secondTicketInLev(debtor);
        Instant now = sofia("2026-03-10T10:00");
        for (int day = 1; day <= 6; day++) {
            attempt(day % 2 == 0 ? euro : lev, "CALL", "NO_ANSWER", now.minusSeconds(86_400L * day));
        }

        ExecutorService collectors = Executors.newFixedThreadPool(2);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<ContactDecision>> calls = new ArrayList<>();
        for (Ticket ticket : List.of(euro, lev)) {
            calls.add(collectors.submit(() -> {
                start.await();
                return transaction.execute(status -> {
                    ContactDecision decision = contactService.reserve(ticket.getId(), Channel.CALL, "call:" + UUID.randomUUID(), now, "collector");
                    pause(400); // still inside the transaction: the other call must not decide meanwhile
                    return decision;
                });
            }));
        }
        start.countDown();
        List<ContactDecision> decisions = new ArrayList<>();
        for (Future<ContactDecision> call : calls) {
            decisions.add(call.get());
        }
        collectors.shutdown();

        assertThat(decisions).extracting(ContactDecision::verdict)
                .containsExactlyInAnyOrder(ContactDecision.Verdict.ALLOWED, ContactDecision.Verdict.POSTPONED);
        assertThat(decisions).extracting(ContactDecision::rule).contains("at most 7 calls in 7 days");
        assertThat(List.of(euro, lev)).flatMap(ticket -> contacts.findByTicketIdOrderByAtAscIdAsc(ticket.getId()))
                .filteredOn(attempt -> ContactService.STARTED.equals(attempt.getOutcome())).hasSize(1);
    }

    @Test
    void aUsDebtorImportedWithoutPhoneOrZoneIsCalledOnlyInTheHoursCommonToAllUsZones() {
        String id = "C-US-" + UUID.randomUUID();
        csvImport.importCsv(RecordKind.CUSTOMERS, ("customer_id,name,phone,email,language,country,time_zone,address\n"
                + id + ",Ann Smith,,,en-US,US,,Somewhere\n"
                + id + "-PERTH,Jack Brown,+61 8 9234 5678,,en-AU,AU,,Perth\n"
                + id + "-TOLL,Toll Free Ltd,+1 800 555 1234,,en-US,US,,Somewhere\n"
                + id + "-GIVEN,Bo Li,,,en-US,US,America/Chicago,Chicago\n").getBytes(StandardCharsets.UTF_8));
        Customer american = customers.findByCustomerId(id).orElseThrow();
        assertThat(american.getTimeZoneDerived()).isTrue();
        assertThat(american.contactZones()).hasSize(29).contains(ZoneId.of("Pacific/Honolulu"), ZoneId.of("America/New_York"));
        assertThat(customers.findByCustomerId(id + "-PERTH").orElseThrow().contactZones()).containsExactly(ZoneId.of("Australia/Perth"));
        assertThat(customers.findByCustomerId(id + "-TOLL").orElseThrow().contactZones()).hasSize(29);
        Customer given = customers.findByCustomerId(id + "-GIVEN").orElseThrow();
        assertThat(given.getTimeZoneDerived()).isFalse();
        assertThat(given.contactZones()).containsExactly(ZoneId.of("America/Chicago"));

        Customer debtor = withDebt(american);
        Ticket ticket = ticketOf(openAndPlan(debtor));
        // January: 08:00 in Honolulu is 13:00 in New York (18:00 UTC); 21:00 in New York is 02:00 UTC
        ContactDecision early = decide(ticket, "CALL", Instant.parse("2026-01-12T17:59:00Z"));
        assertThat(early).extracting(ContactDecision::rule, ContactDecision::retryAt)
                .containsExactly("contact hours", Instant.parse("2026-01-12T18:00:00Z"));
        assertThat(early.inputs()).contains("allowed 08:00-21:00 inclusive (US), profile US Reg F",
                "time zone derived, the hours must hold in all 29 candidate zones");
        assertThat(decide(ticket, "SMS", Instant.parse("2026-01-12T18:00:00Z")).isAllowed()).isTrue();
        // Reg F: "after 9 p.m." is inconvenient, 21:00 itself is not
        assertThat(decide(ticket, "EMAIL", Instant.parse("2026-01-13T02:00:00Z")).isAllowed()).isTrue();
        assertThat(decide(ticket, "EMAIL", Instant.parse("2026-01-13T02:00:01Z")).retryAt()).isEqualTo(Instant.parse("2026-01-13T18:00:00Z"));
        assertThat(decide(ticket, "LETTER", Instant.parse("2026-01-13T05:00:00Z")).isAllowed()).isTrue();
    }

    @Test
    void aDerivedZoneIsOneTheHoursHoldInSoAPerthDebtorsOwnTimeIsPerthNotAdelaide() {
        String id = "C-AU-" + UUID.randomUUID();
        csvImport.importCsv(RecordKind.CUSTOMERS, ("customer_id,name,phone,email,language,country,time_zone,address\n"
                + id + ",Jack Brown,+61 8 9234 5679,,en-AU,AU,,Perth\n").getBytes(StandardCharsets.UTF_8));
        Customer perth = customers.findByCustomerId(id).orElseThrow();
        assertThat(perth.contactZones()).containsExactly(ZoneId.of("Australia/Perth"));
        // the simulation found a call at 20:55 in Perth, 23:25 in Adelaide, where the record said the debtor lived
        assertThat(perth.getTimeZone()).isEqualTo("Australia/Perth");

        Ticket ticket = ticketOf(openAndPlan(withDebt(perth)));
        Instant night = Instant.parse("2026-03-25T13:30:00Z");
        ContactDecision call = decide(ticket, "CALL", night);
        assertThat(call.retryAt()).isEqualTo(Instant.parse("2026-03-26T00:00:00Z"));
        // the collector reads the debtor's own clock: 08:00 in Perth, not 10:30 in Adelaide
        assertThat(CallWindow.of(call, customers.findByCustomerId(id).orElseThrow().zone(), night).nextCallableLocal()).isEqualTo("08:00 on Thu 26 Mar");
    }

    private Customer withDebt(Customer customer) {
        var loan = ledger.contract(customer, "CONSUMER_LOAN");
        ledger.invoice(customer, loan, "300.00", TODAY.minusDays(20));
        return customer;
    }

    private Ticket secondTicketInLev(Customer debtor) {
        ledger.invoice(debtor, ledger.contract(debtor, "UTILITY"), "150.00", TODAY.minusDays(15), "BGN");
        Ticket lev = opener.open(debtor.getId(), "BGN", TODAY);
        assertThat(lev.getId()).isNotNull();
        assertThat(lev.getCustomerPk()).isEqualTo(debtor.getId());
        return tickets.findById(lev.getId()).orElseThrow();
    }

    private Customer debtorWithOwnPhone() {
        return ledger.change(standardDebtor(), debtor -> debtor.phone("+35988" + (1_000_000 + new java.util.Random().nextInt(8_999_999))));
    }

    private void outbox(String sendKey, Ticket ticket, String channel, String status) {
        jdbc.update("insert into outreach_send (send_key, ticket_number, channel, status, tries, claimed_at) values (?, ?, ?, ?, 1, ?)",
                sendKey, ticket.getTicketNumber(), channel, status, Timestamp.from(Instant.now()));
    }

    private ContactDecision decide(Ticket ticket, String channel, Instant now) {
        return transaction.execute(status -> policy.decide(tickets.findById(ticket.getId()).orElseThrow(), Channel.valueOf(channel), now));
    }

    private void attempt(Ticket ticket, String channel, String outcome, Instant at) {
        contacts.save(new ContactAttempt(ticket.getId(), "test:" + UUID.randomUUID(), Channel.valueOf(channel), null, at)
                .withResult(outcome, null, "test"));
    }

    private void inbound(Ticket ticket, String channel, String outcome, Instant at) {
        contacts.save(new ContactAttempt(ticket.getId(), "test:" + UUID.randomUUID(), Channel.valueOf(channel), null, at).inbound()
                .withResult(outcome, null, "debtor"));
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Instant sofia(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(SOFIA).toInstant();
    }
}
