package com.collectiondesk.ticket;

import com.collectiondesk.ledger.Customer;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * The one place that says whether a debtor may be contacted on a channel now. Runs before every step and
 * again right before every send; its decision goes to the ticket's timeline with the rule and inputs.
 */
@Component
class ContactPolicy {

    static final Set<String> CALLS = Set.of("CALL", "VOICE");
    static final Set<String> WRITTEN = Set.of("SMS", "EMAIL", "LETTER");
    /** Channels that reach a phone: only inside the debtor's local contact hours. */
    static final Set<String> TIMED = Set.of("SMS", "VOICE", "CALL");
    /** Call outcomes that mean we spoke with the debtor. */
    static final Set<String> CONVERSATIONS = Set.of("REACHED", "PROMISE", "DISPUTE", "REFUSED");

    private final ContactPolicySettings settings;
    private final ContactAttemptRepository contacts;
    ContactPolicy(ContactPolicySettings settings, ContactAttemptRepository contacts) {
        this.settings = settings;
        this.contacts = contacts;
    }

    ContactDecision decide(Ticket ticket, String channel, Instant now) {
        Customer debtor = ticket.getCustomer();
        if (debtor.isCeasedCommunication()) {
            return skipped("ceased communication", "customer asked us to stop all contact");
        }
        if (ticket.getOverdueAmount().compareTo(BigDecimal.ZERO) <= 0) {
            return skipped("zero balance", "overdue " + ticket.getOverdueAmount() + " " + ticket.getCurrency());
        }
        if ("SMS".equals(channel) && debtor.refusesSms()) {
            return skipped("sms opt-out", debtor.getSmsStoppedAt() != null
                    ? "the debtor replied STOP at " + debtor.getSmsStoppedAt() : "opted out of SMS in the ERP");
        }
        if ("EMAIL".equals(channel) && debtor.refusesEmail()) {
            return skipped("email opt-out", debtor.getEmailUnsubscribedAt() != null
                    ? "the debtor unsubscribed at " + debtor.getEmailUnsubscribedAt() : "opted out of email in the ERP");
        }
        if ("VOICE".equals(channel) && debtor.isVoiceOptOut()) {
            return skipped("voice opt-out", "opted out of automated calls in the ERP");
        }
        ZoneId zone = debtor.zone();
        ContactPolicySettings.Hours hours = settings.hoursFor(debtor.getCountry());
        String where = "local time " + now.atZone(zone).toLocalDateTime().withNano(0) + " " + zone + ", allowed "
                + hours.start() + "-" + hours.end() + (debtor.getCountry() == null ? "" : " (" + debtor.getCountry() + ")");
        if (CALLS.contains(channel)) {
            List<ContactAttempt> calls = contacts.findByTicketIdAndChannelInAndAtAfterOrderByAtAsc(ticket.getId(), CALLS,
                    now.minus(settings.noCallsAfterConversation().compareTo(settings.callPeriod()) > 0
                            ? settings.noCallsAfterConversation() : settings.callPeriod()));
            Instant lastConversation = calls.stream().filter(call -> CONVERSATIONS.contains(call.getOutcome()))
                    .map(ContactAttempt::getAt).filter(at -> at.isAfter(now.minus(settings.noCallsAfterConversation())))
                    .reduce((first, second) -> second).orElse(null);
            if (lastConversation != null) {
                return postponed("no calls within " + settings.noCallsAfterConversation().toDays() + " days of a conversation",
                        open(lastConversation.plus(settings.noCallsAfterConversation()), zone, hours, channel),
                        "conversation at " + lastConversation + "; " + where);
            }
            List<Instant> inPeriod = calls.stream().map(ContactAttempt::getAt)
                    .filter(at -> at.isAfter(now.minus(settings.callPeriod()))).toList();
            if (inPeriod.size() >= settings.maxCalls()) {
                return postponed("at most " + settings.maxCalls() + " calls in " + settings.callPeriod().toDays() + " days",
                        open(inPeriod.get(inPeriod.size() - settings.maxCalls()).plus(settings.callPeriod()), zone, hours, channel),
                        inPeriod.size() + " calls since " + now.minus(settings.callPeriod()) + "; " + where);
            }
        }
        if (WRITTEN.contains(channel)) {
            List<Instant> written = contacts.findByTicketIdAndChannelInAndAtAfterOrderByAtAsc(ticket.getId(), WRITTEN,
                    now.minus(settings.writtenPeriod())).stream().map(ContactAttempt::getAt).toList();
            if (written.size() >= settings.maxWritten()) {
                return postponed("at most " + settings.maxWritten() + " written reminders in " + settings.writtenPeriod().toDays() + " days",
                        open(written.get(written.size() - settings.maxWritten()).plus(settings.writtenPeriod()), zone, hours, channel),
                        written.size() + " written since " + now.minus(settings.writtenPeriod()) + "; " + where);
            }
        }
        if (TIMED.contains(channel) && !within(now, zone, hours)) {
            return postponed("contact hours", open(now, zone, hours, channel), where);
        }
        return ContactDecision.allowed(where);
    }

    private static boolean within(Instant moment, ZoneId zone, ContactPolicySettings.Hours hours) {
        var local = moment.atZone(zone).toLocalTime();
        return !local.isBefore(hours.start()) && local.isBefore(hours.end());
    }

    /** The first moment at or after {@code earliest} when the channel may be used. */
    private static Instant open(Instant earliest, ZoneId zone, ContactPolicySettings.Hours hours, String channel) {
        if (!TIMED.contains(channel) || within(earliest, zone, hours)) {
            return earliest;
        }
        ZonedDateTime local = earliest.atZone(zone);
        LocalDate day = local.toLocalTime().isBefore(hours.start()) ? local.toLocalDate() : local.toLocalDate().plusDays(1);
        // atZone resolves a start inside a daylight-saving gap to the first valid local time after it
        return day.atTime(hours.start()).atZone(zone).toInstant();
    }

    private static ContactDecision skipped(String rule, String inputs) {
        return new ContactDecision(ContactDecision.Verdict.SKIPPED, rule, null, inputs);
    }

    private static ContactDecision postponed(String rule, Instant retryAt, String inputs) {
        return new ContactDecision(ContactDecision.Verdict.POSTPONED, rule, retryAt, inputs);
    }
}
