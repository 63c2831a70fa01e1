package com.collectiondesk.contact;

import com.collectiondesk.errors.InputRefused;
import com.collectiondesk.ledger.LedgerCommands;
import com.collectiondesk.outreach.Channel;
import com.collectiondesk.outreach.OutreachPort;
import com.collectiondesk.outreach.OutreachReceipt;
import com.collectiondesk.strategy.StepFee;
import com.collectiondesk.strategy.StrategyPlanner;
import com.collectiondesk.strategy.TicketStep;
import com.collectiondesk.system.BusinessClock;
import com.collectiondesk.ticket.Ticket;
import com.collectiondesk.ticket.TicketDetailPart;
import com.collectiondesk.ticket.TicketService;
import com.collectiondesk.ticket.Timeline;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.context.annotation.Bean;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Contacts with the debtor: automated sends through the outreach port and collectors' calls. */
@Service
@Transactional
public class ContactService {

    private final TicketService tickets;
    private final StrategyPlanner planner;
    private final ContactAttemptRepository contacts;
    private final OutreachPort outreach;
    private final BusinessClock clock;
    private final Timeline timeline;
    private final ContactPolicy policy;
    private final OutreachMessages messages;
    private final LedgerCommands ledger;
    private final PolicyRefusalMeters refusals;

    ContactService(TicketService tickets, StrategyPlanner planner, ContactAttemptRepository contacts,
                   OutreachPort outreach, BusinessClock clock, Timeline timeline, ContactPolicy policy,
                   OutreachMessages messages, LedgerCommands ledger, PolicyRefusalMeters refusals) {
        this.tickets = tickets;
        this.planner = planner;
        this.contacts = contacts;
        this.outreach = outreach;
        this.clock = clock;
        this.timeline = timeline;
        this.policy = policy;
        this.messages = messages;
        this.ledger = ledger;
        this.refusals = refusals;
    }

    /**
     * Asks the contact policy about the current step's channel and records the decision on the timeline.
     * Escalation and a service stop are not contacts: only a hold stops them.
     */
    ContactDecision checkStep(Long ticketId, int stepIndex) {
        Ticket ticket = tickets.get(ticketId);
        TicketStep step = planner.current(ticket, stepIndex);
        if (!step.getChannel().contact()) {
            // not a contact, but a hold pauses it like any step
            return policy.holdPause(ticket, clock.now())
                    .orElse(ContactDecision.allowed(step.getChannel() == Channel.ESCALATE ? "escalation is not a contact"
                            : step.getChannel() + " is not a contact"));
        }
        StepChannel channel = policy.channelFor(ticket, step.getChannel(), step.getTemplateId());
        return decide(ticket, channel.channel(), clock.now(), null, channel.suffix());
    }

    /**
     * Sends the step once: the policy is asked again right before the send (time has passed since the step's
     * check), and a retried job finds the send key already recorded and does nothing. Decision and send happen
     * under the debtor's lock, held until this transaction ends; the outbox has committed the claim before the
     * provider is called, so a send whose record is lost still counts for the next decision.
     */
    public ContactDecision sendStep(Long ticketId, int stepIndex) {
        Ticket ticket = tickets.get(ticketId);
        TicketStep step = planner.current(ticket, stepIndex);
        String sendKey = ticket.getTicketNumber() + ":" + ticket.getPlanRound() + ":" + stepIndex + ":" + step.getChannel();
        lockDebtor(ticket);
        // checked under the lock: a parallel try of this job that held it has recorded the send by now
        if (contacts.existsBySendKey(sendKey)) {
            return ContactDecision.allowed("already sent as " + sendKey);
        }
        // the key stays the planned step's: one send per step even if the preference changes between tries
        StepChannel channel = policy.channelFor(ticket, step.getChannel(), step.getTemplateId());
        ContactDecision decision = decide(ticket, channel.channel(), clock.now(), sendKey, channel.suffix());
        if (!decision.isAllowed()) {
            return decision;
        }
        // charged first so the message lists its own fee; a send that fails rolls the charge back with this transaction
        step.fee().ifPresent(fee -> chargeFee(ticket, step, fee, sendKey));
        OutreachReceipt receipt = outreach.send(messages.of(ticket, channel.channel(), channel.templateId(), sendKey));
        contacts.save(new ContactAttempt(ticket.getId(), sendKey, channel.channel(), channel.templateId(), clock.now())
                .withResult("SENT", null, "system"));
        timeline.record(ticket, "CONTACT", channel.channel() + " " + channel.templateId()
                + (receipt.sandbox() ? " (sandbox)" : "") + (receipt.segments() > 0 ? " [" + receipt.segments() + " SMS segments]" : "")
                + channel.suffix() + ": " + receipt.renderedText(), "system");
        return decision;
    }

    /**
     * Decides and reserves in one step, for a contact started outside a step (a collector's call through the
     * service): under the debtor's lock the policy decides for {@code at}; if allowed, the attempt is recorded at
     * once under {@code key} with outcome {@value #STARTED}, so no parallel call, job or node gets the same slot.
     * Settle the outcome with {@link #recordReservedOutcome}. The same key again returns allowed without a second
     * reservation. The decision goes to the timeline either way.
     */
    ContactDecision reserve(Long ticketId, Channel channel, String key, Instant at, String actor) {
        Ticket ticket = tickets.get(ticketId);
        lockDebtor(ticket);
        if (contacts.existsBySendKey(key)) {
            return ContactDecision.allowed("already reserved as " + key);
        }
        ContactDecision decision = decide(ticket, channel, at, key, "");
        if (decision.isAllowed()) {
            contacts.save(new ContactAttempt(ticket.getId(), key, channel, null, at).withResult(STARTED, null, actor));
        }
        return decision;
    }

    /** The outcome of a contact reserved with {@link #reserve}: it keeps counting against the budget as before. */
    void recordReservedOutcome(String key, String outcome, String note, String actor) {
        ContactAttempt attempt = contacts.findBySendKey(key)
                .orElseThrow(() -> new InputRefused("key", "no reserved contact " + key));
        attempt.withResult(outcome, note, actor);
    }

    /**
     * The step went out: its fee goes on the ticket's oldest overdue invoice, once per send key (a retried job
     * finds it charged). A fee in another currency than the ticket's is not charged, and the timeline says so.
     */
    private void chargeFee(Ticket ticket, TicketStep step, StepFee fee, String sendKey) {
        java.util.Optional<String> invoice = ledger.chargeFee("fee:" + sendKey, ticket.getInvoicePks(), fee.amount(),
                fee.currency(), "step " + (step.getStepIndex() + 1) + ": " + step.describe());
        timeline.record(ticket, "FEE_CHARGED", invoice.map(number -> fee + " for step " + (step.getStepIndex() + 1)
                + " on invoice " + number).orElse("no fee of " + fee + " for step " + (step.getStepIndex() + 1)
                + ": charged before, or no invoice of the ticket is in " + fee.currency()), "system");
    }

    /** Outcome of a reserved contact until its result is known. */
    static final String STARTED = ContactRules.STARTED;

    /**
     * Serialises decisions for one debtor across threads, jobs and nodes: a row lock on the customer, held until
     * the transaction commits, so the next decision sees this one's record (the same lock payment allocation takes).
     */
    private void lockDebtor(Ticket ticket) {
        ledger.lockDebtor(ticket.getCustomerPk());
    }

    /** {@code why}: what the timeline adds about the channel (the debtor's preferred one), or blank. */
    private ContactDecision decide(Ticket ticket, Channel channel, Instant at, String ownKey, String why) {
        tickets.refresh(ticket);
        ContactDecision decision = policy.decide(ticket, channel, at, ownKey);
        timeline.record(ticket, "CONTACT_POLICY", decision.describe(channel) + why, "system");
        refusals.count(channel, decision);
        return decision;
    }

    /**
     * The last five contacts as lines for the call form: the time in the business's zone (where collectors work) with
     * the debtor's local time beside it, since the form's text is built before anyone opens it.
     */
    public String lastContacts(Long ticketId) {
        List<ContactAttempt> last = contacts.findTop5ByTicketIdOrderByAtDescIdDesc(ticketId);
        if (last.isEmpty()) {
            return "No contacts yet.";
        }
        ZoneId debtorZone = tickets.debtorOf(tickets.get(ticketId)).zone();
        return last.stream()
                .map(c -> ContactTimes.line(c.getAt(), clock.zone(), debtorZone) + "  " + c.getChannel() + "  "
                        + c.getOutcome() + (c.getAuthor() == null ? "" : "  by " + c.getAuthor()))
                .collect(Collectors.joining("\n"));
    }

    /** Every contact with the ticket's debtor, oldest first, as the ticket's detail shows them under "contacts". */
    @Bean
    @Order(2)
    static TicketDetailPart contactsOfTheTicket(ContactAttemptRepository repository) {
        return new TicketDetailPart("contacts",
                ticketId -> repository.findByTicketIdOrderByAtAscIdAsc(ticketId).stream().map(ContactView::of).toList());
    }
}
