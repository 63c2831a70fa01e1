package com.collectiondesk.selfservice;

import com.collectiondesk.ledger.LedgerCommands;
import com.collectiondesk.system.BusinessClock;
import com.collectiondesk.ticket.Ticket;
import com.collectiondesk.ticket.TicketService;
import com.collectiondesk.ticket.Timeline;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The page's smaller actions: stopping a channel (the same opt-outs an SMS STOP or an unsubscribe link sets, which the
 * contact policy reads before every send) and writing to the collections team (a task for the ticket's owner).
 */
@Service
@Transactional
class DebtorRequests {

    static final int MESSAGE_LIMIT = 1000;

    private final LedgerCommands ledger;
    private final TicketService tickets;
    private final Timeline timeline;
    private final BusinessClock clock;
    private final OwnerTasks owner;

    DebtorRequests(LedgerCommands ledger, TicketService tickets, Timeline timeline, BusinessClock clock, OwnerTasks owner) {
        this.ledger = ledger;
        this.tickets = tickets;
        this.timeline = timeline;
        this.clock = clock;
        this.owner = owner;
    }

    void stopChannels(DebtorLink link, boolean sms, boolean email) {
        Ticket ticket = tickets.get(link.ticketId());
        if (sms) {
            ledger.stopSms(link.customerPk(), clock.now());
            timeline.record(ticket, "OPT_OUT", "SMS opt-out on the self-service page", SelfServicePage.BY_THE_DEBTOR);
        }
        if (email) {
            ledger.unsubscribeEmail(link.customerPk(), clock.now());
            timeline.record(ticket, "OPT_OUT", "Email opt-out on the self-service page", SelfServicePage.BY_THE_DEBTOR);
        }
    }

    void write(DebtorLink link, String text) {
        Ticket ticket = tickets.get(link.ticketId());
        timeline.record(ticket, "SELF_SERVICE_MESSAGE", "Message on the self-service page: " + text, SelfServicePage.BY_THE_DEBTOR);
        owner.ask(ticket, "Message on the self-service page: " + text);
    }
}
