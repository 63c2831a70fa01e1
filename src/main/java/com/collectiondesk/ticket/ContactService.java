package com.collectiondesk.ticket;

import com.collectiondesk.outreach.OutreachPort;
import com.collectiondesk.outreach.OutreachReceipt;
import com.collectiondesk.system.BusinessClock;
import java.time.format.DateTimeFormatter;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Contacts with the debtor: automated sends through the outreach port and collectors' calls. */
@Service
@Transactional
class ContactService {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final TicketService tickets;
    private final StrategyPlanner planner;
    private final ContactAttemptRepository contacts;
    private final OutreachPort outreach;
    private final BusinessClock clock;
    private final Timeline timeline;
    private final ContactPolicy policy;
    private final OutreachMessages messages;

    ContactService(TicketService tickets, StrategyPlanner planner, ContactAttemptRepository contacts,
                   OutreachPort outreach, BusinessClock clock, Timeline timeline, ContactPolicy policy,
                   OutreachMessages messages) {
        this.tickets = tickets;
        this.planner = planner;
        this.contacts = contacts;
        this.outreach = outreach;
        this.clock = clock;
        this.timeline = timeline;
        this.policy = policy;
        this.messages = messages;
    }

    /**
     * Asks the contact policy about the current step's channel and records the decision on the timeline.
     * Escalation is not a contact and always passes.
     */
    ContactDecision checkStep(Long ticketId, int stepIndex) {
        Ticket ticket = tickets.get(ticketId);
        TicketStep step = planner.current(ticket, stepIndex);
        if ("ESCALATE".equals(step.getChannel())) {
            return ContactDecision.allowed("escalation is not a contact");
        }
        return decide(ticket, step.getChannel());
    }

    /**
     * Sends the step once: the policy is asked again right before the send (time has passed since the step's
     * check), and a retried job finds the send key already recorded and does nothing.
     */
    ContactDecision sendStep(Long ticketId, int stepIndex) {
        Ticket ticket = tickets.get(ticketId);
        TicketStep step = planner.current(ticket, stepIndex);
        String sendKey = ticket.getTicketNumber() + ":" + ticket.getPlanRound() + ":" + stepIndex + ":" + step.getChannel();
        if (contacts.existsBySendKey(sendKey)) {
            return ContactDecision.allowed("already sent as " + sendKey);
        }
        ContactDecision decision = decide(ticket, step.getChannel());
        if (!decision.isAllowed()) {
            return decision;
        }
        OutreachReceipt receipt = outreach.send(messages.of(ticket, step, sendKey));
        contacts.save(new ContactAttempt(ticket.getId(), sendKey, step.getChannel(), step.getTemplateId(), clock.now())
                .withResult("SENT", receipt.renderedText(), null, "system", receipt.sandbox())
                .withDelivery(receipt.providerId(), receipt.segments()));
        timeline.record(ticket, "CONTACT", step.getChannel() + " " + step.getTemplateId()
                + (receipt.sandbox() ? " (sandbox)" : "") + (receipt.segments() > 0 ? " [" + receipt.segments() + " SMS segments]" : "")
                + ": " + receipt.renderedText(), "system");
        return decision;
    }

    private ContactDecision decide(Ticket ticket, String channel) {
        tickets.refresh(ticket);
        ContactDecision decision = policy.decide(ticket, channel, clock.now());
        timeline.record(ticket, "CONTACT_POLICY", decision.describe(channel), "system");
        return decision;
    }

    /** The last five contacts as lines for the call form. */
    String lastContacts(Long ticketId) {
        String lines = contacts.findTop5ByTicketIdOrderByAtDescIdDesc(ticketId).stream()
                .map(c -> DAY.format(c.getAt().atZone(java.time.ZoneOffset.UTC)) + " UTC  " + c.getChannel() + "  "
                        + c.getOutcome() + (c.getAuthor() == null ? "" : "  by " + c.getAuthor()))
                .collect(Collectors.joining("\n"));
        return lines.isEmpty() ? "No contacts yet." : lines;
    }
}
