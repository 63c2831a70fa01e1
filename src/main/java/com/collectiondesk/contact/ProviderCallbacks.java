package com.collectiondesk.contact;

import com.collectiondesk.ledger.Customer;
import com.collectiondesk.ledger.LedgerCommands;
import com.collectiondesk.ledger.LedgerQueries;
import com.collectiondesk.outreach.Channel;
import com.collectiondesk.outreach.ContactEvents;
import com.collectiondesk.system.BusinessClock;
import com.collectiondesk.ticket.Ticket;
import com.collectiondesk.ticket.TicketService;
import com.collectiondesk.ticket.Timeline;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What Twilio reports after a send, put on the debtor's tickets: delivery status on the timeline (the outreach
 * side has put it on the send's record, which the contact attempt reads),
 * STOP replies as an SMS opt-out, any other reply on the timeline and as a task for the collectors.
 */
@Service
@Transactional
class ProviderCallbacks implements ContactEvents {

    static final String REPLY_PROCESS = "debtor-reply";

    private static final Logger log = LoggerFactory.getLogger(ProviderCallbacks.class);

    private final ContactAttemptRepository contacts;
    private final TicketService tickets;
    private final Timeline timeline;
    private final BusinessClock clock;
    private final LedgerQueries ledger;
    private final LedgerCommands ledgerCommands;
    private final RuntimeService runtime;

    ProviderCallbacks(ContactAttemptRepository contacts, TicketService tickets, Timeline timeline, BusinessClock clock,
                      LedgerQueries ledger, LedgerCommands ledgerCommands, RuntimeService runtime) {
        this.contacts = contacts;
        this.tickets = tickets;
        this.timeline = timeline;
        this.clock = clock;
        this.ledger = ledger;
        this.ledgerCommands = ledgerCommands;
        this.runtime = runtime;
    }

    @Override
    public void deliveryStatus(String sendKey, Channel channel, String status) {
        contacts.findBySendKey(sendKey).map(attempt -> tickets.get(attempt.getTicketId())).ifPresent(ticket ->
                timeline.record(ticket, "DELIVERY", channel + " " + sendKey + ": " + status, "twilio"));
    }

    @Override
    public void smsOptOut(String phone, String reply) {
        for (Long customerPk : ledger.debtorsWithPhone(phone)) {
            ledgerCommands.stopSms(customerPk, clock.now());
            tickets.openOf(customerPk).forEach(ticket ->
                    timeline.record(ticket, "OPT_OUT", "SMS opt-out: the debtor replied " + reply, "twilio"));
        }
    }

    @Override
    public void reply(String messageSid, String phone, String text) {
        List<Long> debtors = ledger.debtorsWithPhone(phone);
        if (debtors.isEmpty()) {
            log.info("SMS reply {} came from a number that belongs to no debtor; not recorded", messageSid);
        }
        for (Long customerPk : debtors) {
            List<Ticket> open = tickets.openOf(customerPk);
            // a debtor who answers after the ticket closed ("I paid yesterday") still reaches a collector
            List<Ticket> answered = open.isEmpty()
                    ? tickets.latestOf(customerPk).stream().toList() : open;
            for (Ticket ticket : answered) {
                contacts.save(new ContactAttempt(ticket.getId(), "inbound:" + messageSid + ":" + ticket.getId(), Channel.SMS, null, clock.now())
                        .reply(text).withResult("REPLY", null, "debtor"));
                timeline.record(ticket, "REPLY", Channel.SMS + " reply: " + text, "debtor");
                // the task shows the debtor's name from the ticket (ShowTicketFactsDelegate), not from here
                runtime.startProcessInstanceByKey(REPLY_PROCESS, ticket.getTicketNumber(), Map.of("replyText", text));
            }
        }
    }
}
