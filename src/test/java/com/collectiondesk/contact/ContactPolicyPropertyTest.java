package com.collectiondesk.contact;

import static org.assertj.core.api.Assertions.assertThat;

import com.collectiondesk.contact.ContactOracle.Answer;
import com.collectiondesk.contact.ContactOracle.Rule;
import com.collectiondesk.contact.ContactSchedules.Limits;
import com.collectiondesk.contact.ContactSchedules.Schedule;
import com.collectiondesk.ledger.Customer;
import com.collectiondesk.ledger.LedgerQueries.DebtorFacts;
import com.collectiondesk.outreach.Channel;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.junit.jupiter.api.Test;

/**
 * 100,000 seeded random schedules (every IANA zone, daylight-saving edges, derived zones, two tickets per
 * debtor, inbound replies and call-backs, sends in doubt, opt-outs, random limits and profiles) decided by the
 * contact rules and by {@link ContactOracle}: they must agree on verdict, rule and next allowed moment, and every
 * next allowed moment must itself be allowed. Before issue 13 the old policy disagreed on 41,000 of them.
 */
class ContactPolicyPropertyTest {

    private static final int SCHEDULES = 100_000;
    private static final Limits ELSEWHERE = new Limits(LocalTime.of(10, 0), LocalTime.of(11, 0), false, 2,
            java.time.Duration.ofDays(3), java.time.Duration.ofDays(2), 1, java.time.Duration.ofDays(9));

    @Test
    void theRulesAgreeWithTheOracleOnEverySchedule() {
        Map<Rule, int[]> perRule = new EnumMap<>(Rule.class);
        List<String> disagreements = new ArrayList<>();
        for (long seed = 1; seed <= SCHEDULES; seed++) {
            Schedule schedule = ContactSchedules.generate(seed);
            ContactOracle oracle = new ContactOracle(schedule);
            Answer expected = oracle.answer();
            ContactRules rules = new ContactRules(settings(schedule));
            ContactDecision actual = decide(rules, schedule, schedule.now());
            int[] counts = perRule.computeIfAbsent(expected.rule(), rule -> new int[2]);
            counts[0]++;
            String problem = problem(expected, actual, schedule, oracle, rules);
            if (problem != null) {
                counts[1]++;
                if (disagreements.size() < 10) {
                    disagreements.add("schedule " + seed + ": " + problem + "\n  " + schedule);
                }
            }
        }
        perRule.forEach((rule, counts) -> System.out.printf("%-20s %,7d schedules, %d disagreements%n", rule, counts[0], counts[1]));
        assertThat(disagreements).isEmpty();
        assertThat(perRule.keySet()).containsAll(List.of(Rule.values()));
    }

    private static String problem(Answer expected, ContactDecision actual, Schedule schedule, ContactOracle oracle, ContactRules rules) {
        if (!actual.verdict().name().equals(expected.verdict().name()) || rule(actual) != expected.rule()
                || !Objects.equals(actual.retryAt(), expected.retryAt())) {
            return "oracle " + expected + ", rules " + actual;
        }
        if (actual.retryAt() != null) {
            if (actual.retryAt().isBefore(schedule.now())) {
                return "postponed into the past: " + actual;
            }
            if (oracle.answerAt(actual.retryAt()).verdict() != ContactOracle.Verdict.ALLOWED
                    || !decide(rules, schedule, actual.retryAt()).isAllowed()) {
                return "postponed to a moment that is not allowed: " + actual;
            }
        }
        return null;
    }

    /** The policy's rule text, named as the oracle names it. */
    static Rule rule(ContactDecision decision) {
        String rule = decision.rule();
        return switch (rule) {
            case "all rules passed" -> Rule.NONE;
            case "ceased communication" -> Rule.CEASED;
            case "zero balance" -> Rule.ZERO_BALANCE;
            case "sms opt-out" -> Rule.SMS_OPT_OUT;
            case "email opt-out" -> Rule.EMAIL_OPT_OUT;
            case "voice opt-out" -> Rule.VOICE_OPT_OUT;
            case "contact hours" -> Rule.CONTACT_HOURS;
            case "no common contact hours" -> Rule.NO_COMMON_HOURS;
            default -> rule.startsWith("no calls within") ? Rule.CONVERSATION_PAUSE
                    : rule.startsWith("at most") && rule.endsWith(" calls in " + rule.substring(rule.lastIndexOf(" in ") + 4)) ? Rule.CALL_CAP
                    : rule.contains("written reminders") ? Rule.WRITTEN_CAP
                    : rule.endsWith(" a day") ? Rule.ONE_A_DAY : null;
        };
    }

    private static ContactDecision decide(ContactRules rules, Schedule schedule, java.time.Instant at) {
        List<PastContact> history = schedule.history().stream()
                .map(past -> new PastContact(Channel.valueOf(past.channel()), past.inbound(), past.inDoubt() ? PastContact.CLAIMED : past.outcome(), past.at()))
                .toList();
        return rules.decide(customer(schedule), schedule.debtor().zeroBalance() ? BigDecimal.ZERO : new BigDecimal("120.00"),
                "EUR", Channel.valueOf(schedule.channel()), at, history);
    }

    /** The schedule's limits as the default, as the country's profile, or as the default with the country's own hours. */
    private static ContactPolicySettings settings(Schedule schedule) {
        Limits limits = schedule.limits();
        String country = schedule.debtor().country();
        if (schedule.countryProfile()) {
            Limits other = schedule.otherDefault();
            return new ContactPolicySettings(hours(other), Map.of(), other.maxCalls(), other.callPeriod(),
                    other.noCallsAfterConversation(), other.maxWritten(), other.writtenPeriod(),
                    Map.of(country.toLowerCase(java.util.Locale.ROOT), new ContactPolicySettings.Profile(hours(limits), limits.maxCalls(),
                            limits.callPeriod(), limits.noCallsAfterConversation(), limits.maxWritten(), limits.writtenPeriod(), "test")));
        }
        boolean countryHours = schedule.seed() % 3 == 0;
        return new ContactPolicySettings(countryHours ? hours(ELSEWHERE) : hours(limits),
                countryHours ? Map.of(country, hours(limits)) : Map.of(), limits.maxCalls(), limits.callPeriod(),
                limits.noCallsAfterConversation(), limits.maxWritten(), limits.writtenPeriod(), Map.of());
    }

    private static ContactPolicySettings.Hours hours(Limits limits) {
        return new ContactPolicySettings.Hours(limits.start(), limits.end(), limits.endInclusive());
    }

    /** The debtor as the ledger reports them: a given zone is the only one, a derived zone has every candidate. */
    private static DebtorFacts customer(Schedule schedule) {
        var debtor = schedule.debtor();
        Instant optedOut = schedule.now().minusSeconds(3600);
        List<ZoneId> contactZones = debtor.derived() ? debtor.zones() : List.of(debtor.zones().get(0));
        return new DebtorFacts(1L, "C-" + schedule.seed(), null, null, null, null, debtor.country(), null,
                debtor.zones().get(0), contactZones, debtor.smsOptOut(), debtor.smsStopped() ? optedOut : null,
                debtor.emailOptOut(), debtor.unsubscribed() ? optedOut : null, debtor.voiceOptOut(), debtor.ceased(), null);
    }
}
