package com.collectiondesk.contact;

import com.collectiondesk.hold.HoldQueries;
import com.collectiondesk.ledger.Customer;
import com.collectiondesk.ledger.LedgerQueries.DebtorFacts;
import com.collectiondesk.ledger.LedgerQueries;
import com.collectiondesk.outreach.Channel;
import com.collectiondesk.outreach.OutreachPort;
import com.collectiondesk.ticket.Ticket;
import com.collectiondesk.ticket.TicketService;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * The one place that says whether a debtor may be contacted on a channel now. Runs before every step and
 * again right before every send; its decision goes to the ticket's timeline with the rule and inputs. The
 * budgets are the debtor's, over all their tickets, and count sends still in the outbox whose record is missing.
 */
@Component
class ContactPolicy {

    /** The rule that refuses contact while a hold pauses the ticket (module hold). */
    static final String HOLD_RULE = "HOLD";
    /** An open-ended hold is looked at again after this long. */
    static final java.time.Duration OPEN_HOLD_RECHECK = java.time.Duration.ofDays(1);

    private final ContactRules rules;
    private final ContactAttemptRepository contacts;
    private final OutreachPort outreach;
    private final LedgerQueries ledger;
    private final TicketService tickets;
    private final HoldQueries holds;
    private final List<ContactPreferences> preferences;

    ContactPolicy(ContactPolicySettings settings, ContactAttemptRepository contacts, OutreachPort outreach,
                  LedgerQueries ledger, TicketService tickets, HoldQueries holds, List<ContactPreferences> preferences) {
        this.preferences = preferences;
        this.tickets = tickets;
        this.holds = holds;
        this.rules = new ContactRules(settings);
        this.contacts = contacts;
        this.outreach = outreach;
        this.ledger = ledger;
    }

    ContactDecision decide(Ticket ticket, Channel channel, Instant now) {
        return decide(ticket, channel, now, null);
    }

    /** As {@link #decide(Ticket, Channel, Instant)}, not counting {@code ownKey}: the send being decided on. */
    ContactDecision decide(Ticket ticket, Channel channel, Instant now, String ownKey) {
        Optional<ContactDecision> held = holdPause(ticket, now);
        if (held.isPresent()) {
            return held.get();
        }
        DebtorFacts debtor = ledger.debtor(ticket.getCustomerPk());
        return rules.decide(debtor, ticket.getStrategyAmount(), ticket.getCurrency(), channel, now,
                history(debtor, now, ownKey), preferred(debtor.pk(), ContactPreference::time));
    }

    /** The channel and template a step of {@code planned} goes out on, after the debtor's preferred channel. */
    StepChannel channelFor(Ticket ticket, Channel planned, String templateId) {
        if (!StepChannel.INTERCHANGEABLE.contains(planned)) {
            return new StepChannel(planned, templateId, Optional.empty());
        }
        return StepChannel.choose(planned, templateId, preferred(ticket.getCustomerPk(), ContactPreference::channel),
                ledger.debtor(ticket.getCustomerPk()));
    }

    private <T> T preferred(Long customerPk, java.util.function.Function<ContactPreference, T> wish) {
        return preferences.stream().map(source -> source.of(customerPk)).flatMap(java.util.Optional::stream)
                .map(wish).filter(java.util.Objects::nonNull).findFirst().orElse(null);
    }

    /** The second net behind the process's own pause: postponed by rule HOLD while a hold pauses the ticket. */
    Optional<ContactDecision> holdPause(Ticket ticket, Instant now) {
        return holds.pauseOf(ticket).map(pause -> new ContactDecision(ContactDecision.Verdict.POSTPONED, HOLD_RULE,
                pause.until() == null || !pause.until().isAfter(now) ? now.plus(OPEN_HOLD_RECHECK) : pause.until(),
                pause.describe()));
    }

    private List<PastContact> history(DebtorFacts debtor, Instant now, String ownKey) {
        Instant since = now.minus(rules.lookback(debtor));
        List<Ticket> debtorsTickets = tickets.allOf(debtor.pk());
        List<ContactAttemptRepository.CountedContact> attempts = contacts.findByTicketsSince(
                debtorsTickets.stream().map(Ticket::getId).toList(), since);
        Set<String> recorded = attempts.stream().map(ContactAttemptRepository.CountedContact::getSendKey).collect(Collectors.toSet());
        List<PastContact> history = new ArrayList<>();
        attempts.stream().filter(attempt -> !attempt.getSendKey().equals(ownKey))
                .forEach(attempt -> history.add(new PastContact(attempt.getChannel(), attempt.isInbound(), attempt.getOutcome(), attempt.getAt())));
        // accepted or in doubt in the outbox but not recorded (the node died after the provider's answer)
        outreach.claimedSince(debtorsTickets.stream().map(Ticket::getTicketNumber).toList(), since).stream()
                .filter(send -> !recorded.contains(send.sendKey()) && !send.sendKey().equals(ownKey))
                .forEach(send -> history.add(new PastContact(send.channel(), false, PastContact.CLAIMED,
                        send.claimedAt().isAfter(now) ? now : send.claimedAt())));
        return history;
    }
}
