package com.collectiondesk.contact;

import com.collectiondesk.ledger.LedgerQueries.DebtorFacts;
import com.collectiondesk.outreach.Channel;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The contact rules (hours in the debtor's zones, the call and written-reminder caps, the pause after a conversation,
 * one message per channel a day, opt-outs, ceased communication) asked about a contact that is never sent, with a
 * history the caller keeps: for the strategy lab's simulation. The same pure rules and configured profiles the
 * policy applies before every real send; holds and the debtor's preferred time of day are not asked.
 */
@Component
public class ContactRuleCheck {

    /** A contact already made in the history the caller keeps; {@code conversation} for a call that reached the debtor. */
    public record MadeContact(Channel channel, Instant at, boolean conversation) {
    }

    /** Allowed now; else postponed to {@code retryAt} or skipped (null {@code retryAt}), by {@code rule}. */
    public record Answer(boolean allowed, Instant retryAt, String rule) {
    }

    private final ContactRules rules;

    ContactRuleCheck(ContactPolicySettings settings) {
        this.rules = new ContactRules(settings);
    }

    public Answer check(DebtorFacts debtor, BigDecimal overdue, String currency, Channel channel, Instant at,
                        List<MadeContact> history) {
        ContactDecision decision = rules.decide(debtor, overdue, currency, channel, at, history.stream()
                .map(made -> new PastContact(made.channel(), false, made.conversation() ? "REACHED" : "NO_ANSWER", made.at()))
                .toList());
        return new Answer(decision.isAllowed(), decision.retryAt(), decision.rule());
    }
}
