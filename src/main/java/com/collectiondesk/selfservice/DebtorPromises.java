package com.collectiondesk.selfservice;

import com.collectiondesk.promise.PromiseCommands;
import com.collectiondesk.system.BusinessClock;
import com.collectiondesk.ticket.Ticket;
import com.collectiondesk.ticket.TicketService;
import com.collectiondesk.ticket.Timeline;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A promise made on the page. Inside the self-service policy it is taken as a collector's would be (the ticket's
 * process moves on by the PromiseMade message and the ticket is PROMISED); outside, it becomes a task for the ticket's
 * owner — the collectors' "Debtor replied" task, as an SMS reply does — and the strategy goes on meanwhile.
 */
@Service
@Transactional
class DebtorPromises {

    enum Result { PROMISED, SENT_TO_OWNER }

    private final PromiseCommands promises;
    private final PromisePolicy policy;
    private final TicketService tickets;
    private final Timeline timeline;
    private final BusinessClock clock;
    private final OwnerTasks owner;

    DebtorPromises(PromiseCommands promises, PromisePolicy policy, TicketService tickets, Timeline timeline,
                   BusinessClock clock, OwnerTasks owner) {
        this.promises = promises;
        this.policy = policy;
        this.tickets = tickets;
        this.timeline = timeline;
        this.clock = clock;
        this.owner = owner;
    }

    Result promise(DebtorAccount account, BigDecimal amount, LocalDate date) {
        PromisePolicy.Verdict verdict = policy.judge(account.segment(), amount, date, account.totalDue(), clock.today());
        if (verdict.inside()) {
            promises.promise(account.ticketNumber(), amount, date, SelfServicePage.BY_THE_DEBTOR);
            return Result.PROMISED;
        }
        Ticket ticket = tickets.byNumber(account.ticketNumber());
        String request = "Self-service promise outside the policy, for the owner to decide: " + amount + " "
                + account.currency() + " by " + date + " (the policy allows by " + verdict.latestDate() + ", at least "
                + verdict.minimumAmount() + " " + account.currency() + ")";
        timeline.record(ticket, "SELF_SERVICE_REQUEST", request, SelfServicePage.BY_THE_DEBTOR);
        owner.ask(ticket, request);
        return Result.SENT_TO_OWNER;
    }
}
