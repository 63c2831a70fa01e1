package com.collectiondesk.strategy;

import com.collectiondesk.outreach.Channel;
import com.collectiondesk.system.ContactUnitCosts;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The contacts a set of plans would make on each of the next days, after the contact policy's rules that hold
 * whatever the moment: nothing for a debtor who ceased communication, no SMS, e-mail or automated call to one who
 * opted out of it, one message per channel, debtor and day (over all their tickets). Contact hours, the call and
 * written-reminder budgets and the pause after a conversation depend on when the sends really happen and what
 * happened before: not judged here. An escalation is a hand-over, not a contact: counted, never refused.
 */
final class ContactForecast {

    /** What the policy knows of a debtor before any send. */
    record Consent(boolean refusesSms, boolean refusesEmail, boolean refusesVoice, boolean ceasedCommunication) {
    }

    /** Per day and channel, the refusals per rule, and the cost at the unit costs. */
    record View(LocalDate from, LocalDate until, List<Map<String, Object>> perDay, Map<Channel, Integer> perChannel,
                Map<String, Integer> refusedByPolicy, String costCurrency, BigDecimal cost, Map<Channel, BigDecimal> costPerChannel) {
    }

    private final LocalDate from;
    private final LocalDate until;
    private final Map<LocalDate, Map<Channel, Integer>> perDay = new TreeMap<>();
    private final Map<String, Integer> refused = new TreeMap<>();
    private final Set<String> messagesOfTheDay = new HashSet<>();

    /** Days {@code from} (today) to {@code until}, exclusive. */
    ContactForecast(LocalDate from, LocalDate until) {
        this.from = from;
        this.until = until;
    }

    /** The plan's steps counted from the ticket's opening day, as a first plan is; steps on past days are done. */
    void add(long customerPk, LocalDate openedOn, List<PlannedStep> plan, Consent consent) {
        for (PlannedStep planned : plan) {
            LocalDate day = openedOn.plusDays(planned.step().dayOffset());
            if (day.isBefore(from) || !day.isBefore(until)) {
                continue;
            }
            Channel channel = planned.step().channel();
            Optional<String> refusal = refusal(channel, consent);
            if (refusal.isEmpty() && channel.automated() && !messagesOfTheDay.add(customerPk + " " + channel + " " + day)) {
                refusal = Optional.of("one " + channel + " a day");
            }
            if (refusal.isPresent()) {
                refused.merge(refusal.get(), 1, Integer::sum);
            } else {
                perDay.computeIfAbsent(day, d -> new EnumMap<>(Channel.class)).merge(channel, 1, Integer::sum);
            }
        }
    }

    /** The contact policy's rules that need no moment and no history, under the names its refusals give. */
    private static Optional<String> refusal(Channel channel, Consent consent) {
        if (channel == Channel.ESCALATE) {
            return Optional.empty();
        }
        if (consent.ceasedCommunication()) {
            return Optional.of("ceased communication");
        }
        if (channel == Channel.SMS && consent.refusesSms()) {
            return Optional.of("sms opt-out");
        }
        if (channel == Channel.EMAIL && consent.refusesEmail()) {
            return Optional.of("email opt-out");
        }
        if (channel == Channel.VOICE && consent.refusesVoice()) {
            return Optional.of("voice opt-out");
        }
        return Optional.empty();
    }

    View view(ContactUnitCosts costs) {
        List<Map<String, Object>> days = new ArrayList<>();
        Map<Channel, Integer> perChannel = new EnumMap<>(Channel.class);
        perDay.forEach((day, counts) -> {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("day", day);
            counts.forEach((channel, count) -> {
                row.put(channel.name(), count);
                perChannel.merge(channel, count, Integer::sum);
            });
            days.add(row);
        });
        Map<Channel, BigDecimal> costPerChannel = new EnumMap<>(Channel.class);
        perChannel.forEach((channel, count) -> costPerChannel.put(channel,
                costs.perContact(channel.name()).multiply(BigDecimal.valueOf(count)).setScale(2, RoundingMode.HALF_UP)));
        BigDecimal cost = costPerChannel.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add).setScale(2, RoundingMode.HALF_UP);
        return new View(from, until, days, perChannel, refused, costs.currency(), cost, costPerChannel);
    }
}
