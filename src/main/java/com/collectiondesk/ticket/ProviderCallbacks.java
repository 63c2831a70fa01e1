package com.collectiondesk.ticket;

import com.collectiondesk.ledger.Customer;
import com.collectiondesk.outreach.Channel;
import com.collectiondesk.outreach.ContactEvents;
import com.collectiondesk.system.BusinessClock;
import jakarta.persistence.EntityManager;
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
    private final TicketRepository tickets;
    private final Timeline timeline;
    private final BusinessClock clock;
    private final EntityManager entities;
    private final RuntimeService runtime;

    ProviderCallbacks(ContactAttemptRepository contacts, TicketRepository tickets, Timeline timeline, BusinessClock clock,
                      EntityManager entities, RuntimeService runtime) {
        this.contacts = contacts;
        this.tickets = tickets;
        this.timeline = timeline;
        this.clock = clock;
        this.entities = entities;
        this.runtime = runtime;
    }

    @Override
    public void deliveryStatus(String sendKey, Channel channel, String status) {
        contacts.findBySendKey(sendKey).flatMap(attempt -> tickets.findById(attempt.getTicketId())).ifPresent(ticket ->
                timeline.record(ticket, "DELIVERY", channel + " " + sendKey + ": " + status, "twilio"));
    }

    @Override
    public void smsOptOut(String phone, String reply) {
        for (Customer customer : customersWithPhone(phone)) {
            customer.stopSms(clock.now());
            tickets.findOpenByCustomer(customer.getId()).forEach(ticket ->
                    timeline.record(ticket, "OPT_OUT", "SMS opt-out: the debtor replied " + reply, "twilio"));
        }
    }

    @Override
    public void reply(String messageSid, String phone, String text) {
        List<Customer> debtors = customersWithPhone(phone);
        if (debtors.isEmpty()) {
            log.info("SMS reply {} came from a number that belongs to no debtor; not recorded", messageSid);
        }
        for (Customer customer : debtors) {
            List<Ticket> open = tickets.findOpenByCustomer(customer.getId());
            // a debtor who answers after the ticket closed ("I paid yesterday") still reaches a collector
            List<Ticket> answered = open.isEmpty()
                    ? tickets.findFirstByCustomerIdOrderByIdDesc(customer.getId()).stream().toList() : open;
            for (Ticket ticket : answered) {
                contacts.save(new ContactAttempt(ticket.getId(), "inbound:" + messageSid + ":" + ticket.getId(), Channel.SMS, null, clock.now())
                        .reply(text).withResult("REPLY", null, "debtor"));
                timeline.record(ticket, "REPLY", Channel.SMS + " reply: " + text, "debtor");
                // the task shows the debtor's name from the ticket (ShowTicketFactsDelegate), not from here
                runtime.startProcessInstanceByKey(REPLY_PROCESS, ticket.getTicketNumber(), Map.of("replyText", text));
            }
        }
    }

    private List<Customer> customersWithPhone(String phone) {
        return entities.createQuery("select c from Customer c where c.phone = :phone", Customer.class)
                .setParameter("phone", phone).getResultList();
    }
}
