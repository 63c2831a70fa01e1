package com.collectiondesk.simulation;

import com.collectiondesk.contact.ContactRuleCheck;
import com.collectiondesk.contact.ContactRuleCheck.MadeContact;
import com.collectiondesk.ledger.LedgerQueries.DebtorFacts;
import com.collectiondesk.outreach.Channel;
import com.collectiondesk.strategy.StrategyStep;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.function.BiFunction;

/**
 * One ticket under one strategy for the simulated days: its plan's steps in order, each on its planned day at the
 * send window (or later, when the step before it was postponed), asked of the contact rules with the contacts made so
 * far; an allowed contact costs and may make the debtor pay, a postponed one waits, a skipped one is gone; an
 * escalation hands the ticket over (no contact after it). Every day the debtor may also pay of their own accord. The
 * chances come from the behaviour model; the random draws from (seed, customer, day), so both strategies meet the same
 * luck on the same day and the same seed gives the same run.
 */
final class TicketRun {

    /** What one ticket did: collected cents by the end of each day, contacts made per channel, refusals per rule. */
    record Outcome(long[] collectedByDay, boolean cured, Map<Channel, Integer> contacts, Map<String, Integer> refused,
                   boolean escalated) {
    }

    private final BehaviourModel behaviour;
    private final ContactRuleCheck rules;
    private final BiFunction<LocalDate, ZoneId, Instant> sendWindow;

    TicketRun(BehaviourModel behaviour, ContactRuleCheck rules, BiFunction<LocalDate, ZoneId, Instant> sendWindow) {
        this.behaviour = behaviour;
        this.rules = rules;
        this.sendWindow = sendWindow;
    }

    Outcome run(SimulatedTicket ticket, List<StrategyStep> plan, LocalDate opened, int days, long seed) {
        DebtorFacts debtor = ticket.debtor();
        ZoneId zone = debtor.zone();
        List<Long> open = new ArrayList<>(ticket.invoiceCents()); // oldest first
        long[] collected = new long[days];
        long paid = 0;
        Map<Channel, Integer> contacts = new EnumMap<>(Channel.class);
        Map<String, Integer> refused = new TreeMap<>();
        List<MadeContact> history = new ArrayList<>();
        int next = 0;
        Instant notBefore = null; // when the step before has been done, or the moment a postponed step may retry
        boolean escalated = false;
        for (int day = 0; day < days && !open.isEmpty(); day++) {
            SplittableRandom luck = new SplittableRandom(mix(seed, debtor.pk(), day));
            LocalDate today = opened.plusDays(day);
            Instant endOfDay = today.plusDays(1).atStartOfDay(zone).toInstant();
            if (luck.nextDouble() < behaviour.paymentUnprompted(ticket.hiddenRisk())) {
                paid += pay(open, luck);
            }
            while (!open.isEmpty() && !escalated && next < plan.size()) {
                StrategyStep step = plan.get(next);
                Instant due = sendWindow.apply(opened.plusDays(step.dayOffset()), zone);
                Instant at = notBefore != null && notBefore.isAfter(due) ? notBefore : due;
                if (!at.isBefore(endOfDay)) {
                    break;
                }
                if (!step.channel().contact()) {
                    escalated = step.channel() == Channel.ESCALATE;
                    next++;
                    continue;
                }
                ContactRuleCheck.Answer answer = rules.check(debtor, BigDecimal.valueOf(sum(open), 2), "EUR", step.channel(), at,
                        history);
                if (answer.allowed()) {
                    contacts.merge(step.channel(), 1, Integer::sum);
                    boolean reached = step.channel() != Channel.CALL || luck.nextDouble() < behaviour.callReach();
                    history.add(new MadeContact(step.channel(), at, step.channel().spoken() && reached));
                    if (reached && luck.nextDouble() < behaviour.paymentAfter(step.channel(), ticket.hiddenRisk())) {
                        paid += pay(open, luck);
                    }
                    notBefore = at;
                    next++;
                } else if (answer.retryAt() != null && answer.retryAt().isAfter(at)) {
                    refused.merge("postponed: " + answer.rule(), 1, Integer::sum);
                    notBefore = answer.retryAt();
                } else {
                    refused.merge("skipped: " + answer.rule(), 1, Integer::sum);
                    notBefore = at;
                    next++;
                }
            }
            collected[day] = paid;
        }
        for (int day = 1; day < days; day++) {
            collected[day] = Math.max(collected[day], collected[day - 1]);
        }
        return new Outcome(collected, open.isEmpty(), contacts, refused, escalated);
    }

    /** Everything overdue, or with the partial share the oldest invoice only; the cents paid. */
    private long pay(List<Long> open, SplittableRandom luck) {
        if (open.size() > 1 && luck.nextDouble() < behaviour.partialShare()) {
            return open.remove(0);
        }
        long all = sum(open);
        open.clear();
        return all;
    }

    private static long sum(List<Long> cents) {
        return cents.stream().mapToLong(Long::longValue).sum();
    }

    /** A well-spread seed for (seed, customer, day): SplitMix64's finaliser over their combination. */
    static long mix(long seed, long customer, int day) {
        long z = seed * 0x9E3779B97F4A7C15L + customer * 0xBF58476D1CE4E5B9L + day * 0x94D049BB133111EBL;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
