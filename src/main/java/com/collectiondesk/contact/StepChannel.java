package com.collectiondesk.contact;

import com.collectiondesk.ledger.LedgerQueries.DebtorFacts;
import com.collectiondesk.outreach.Channel;
import com.collectiondesk.outreach.OutreachTemplates;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The channel a strategy step goes out on: the step's own, or the one of SMS and email the debtor prefers when the step
 * is the other of the two. The preferred channel must reach the debtor (an address, no opt-out) and have the step's
 * template in its version ({@code sms-reminder} by email is {@code email-reminder}); otherwise the step keeps its
 * channel and says why. Letters, calls, voice messages and escalations keep theirs. Decided again at every check and
 * send, so a preference set after the plan counts; the contact policy then decides on the channel chosen here.
 *
 * @param note what the timeline says about the choice; empty when the debtor prefers nothing that bears on this step
 */
record StepChannel(Channel channel, String templateId, Optional<String> note) {

    /** The channels one written message may move between. */
    static final Set<Channel> INTERCHANGEABLE = Set.of(Channel.SMS, Channel.EMAIL);

    static StepChannel choose(Channel planned, String templateId, Channel preferred, DebtorFacts debtor) {
        StepChannel asPlanned = new StepChannel(planned, templateId, Optional.empty());
        if (preferred == null || preferred == planned || !INTERCHANGEABLE.contains(planned) || !INTERCHANGEABLE.contains(preferred)) {
            return asPlanned;
        }
        Optional<String> unreachable = unreachable(preferred, debtor);
        if (unreachable.isPresent()) {
            return asPlanned.because("the debtor prefers " + word(preferred) + " but " + unreachable.get() + ": sent by "
                    + word(planned) + " as planned");
        }
        return OutreachTemplates.counterpart(templateId, planned, preferred)
                .map(other -> new StepChannel(preferred, other, Optional.of("sent by " + word(preferred)
                        + " as the debtor prefers (the strategy planned " + planned + " " + templateId + ")")))
                .orElseGet(() -> asPlanned.because("the debtor prefers " + word(preferred) + " but template " + templateId
                        + " has no " + word(preferred) + " version: sent by " + word(planned) + " as planned"));
    }

    private static Optional<String> unreachable(Channel channel, DebtorFacts debtor) {
        if (channel == Channel.EMAIL) {
            return blank(debtor.email()) ? Optional.of("has no email address")
                    : debtor.refusesEmail() ? Optional.of("opted out of email") : Optional.empty();
        }
        return blank(debtor.phone()) ? Optional.of("has no phone number")
                : debtor.refusesSms() ? Optional.of("opted out of SMS") : Optional.empty();
    }

    private StepChannel because(String why) {
        return new StepChannel(channel, templateId, Optional.of(why));
    }

    /** The timeline's suffix: {@code "; sent by email as the debtor prefers (…)"}, or nothing. */
    String suffix() {
        return note.map(why -> "; " + why).orElse("");
    }

    private static String word(Channel channel) {
        return channel == Channel.SMS ? "SMS" : channel.name().toLowerCase(Locale.ROOT);
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }
}
