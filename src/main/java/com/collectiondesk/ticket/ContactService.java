package com.collectiondesk.ticket;

import com.collectiondesk.ledger.Customer;
import com.collectiondesk.outreach.OutreachMessage;
import com.collectiondesk.outreach.OutreachPort;
import com.collectiondesk.outreach.OutreachReceipt;
import java.time.format.DateTimeFormatter;
import java.util.Map;
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
    private final TicketClock clock;
    private final Timeline timeline;

    ContactService(TicketService tickets, StrategyPlanner planner, ContactAttemptRepository contacts,
                   OutreachPort outreach, TicketClock clock, Timeline timeline) {
        this.tickets = tickets;
        this.planner = planner;
        this.contacts = contacts;
        this.outreach = outreach;
        this.clock = clock;
        this.timeline = timeline;
    }

    /** Sends the step once: a retried job finds the send key already recorded and does nothing. */
    void sendStep(Long ticketId, int stepIndex) {
        Ticket ticket = tickets.get(ticketId);
        TicketStep step = planner.current(ticket, stepIndex);
        String sendKey = ticket.getTicketNumber() + ":" + ticket.getPlanRound() + ":" + stepIndex + ":" + step.getChannel();
        if (contacts.existsBySendKey(sendKey)) {
            return;
        }
        Customer customer = ticket.getCustomer();
        OutreachReceipt receipt = outreach.send(new OutreachMessage(sendKey, step.getChannel(), step.getTemplateId(),
                customer.getLanguage(), recipientFor(step.getChannel(), customer), Map.of(
                "name", customer.getName(),
                "amount", ticket.getOverdueAmount().toPlainString(),
                "currency", ticket.getCurrency(),
                "ticket", ticket.getTicketNumber())));
        contacts.save(new ContactAttempt(ticket.getId(), sendKey, step.getChannel(), step.getTemplateId(), clock.now())
                .withResult("SENT", receipt.renderedText(), receipt.providerId(), "system", receipt.sandbox()));
        timeline.record(ticket, "CONTACT", step.getChannel() + " " + step.getTemplateId()
                + (receipt.sandbox() ? " (sandbox)" : "") + ": " + receipt.renderedText(), "system");
    }

    /** A collector's call from the call-debtor form; the collector becomes the owner of a ticket that has none. */
    void recordCall(Long ticketId, String taskId, String outcome, String note, String collector) {
        Ticket ticket = tickets.get(ticketId);
        contacts.save(new ContactAttempt(ticket.getId(), "call:" + taskId, "CALL", null, clock.now())
                .withResult(outcome, null, note, collector, false));
        if (collector != null && ticket.getOwner() == null) {
            ticket.setOwner(collector);
        }
        timeline.record(ticket, "CONTACT", "CALL " + outcome + (note == null || note.isBlank() ? "" : ": " + note), collector);
    }

    /** The last five contacts as lines for the call form. */
    String lastContacts(Long ticketId) {
        String lines = contacts.findTop5ByTicketIdOrderByAtDescIdDesc(ticketId).stream()
                .map(c -> DAY.format(c.getAt().atZone(java.time.ZoneOffset.UTC)) + " UTC  " + c.getChannel() + "  "
                        + c.getOutcome() + (c.getAuthor() == null ? "" : "  by " + c.getAuthor()))
                .collect(Collectors.joining("\n"));
        return lines.isEmpty() ? "No contacts yet." : lines;
    }

    private static String recipientFor(String channel, Customer customer) {
        return switch (channel) {
            case "SMS", "VOICE" -> customer.getPhone();
            case "EMAIL" -> customer.getEmail();
            default -> customer.getAddress();
        };
    }
}
