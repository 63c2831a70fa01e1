package com.collectiondesk.promise;

import com.collectiondesk.erp.TicketNotice;
import com.collectiondesk.ticket.Ticket;
import com.collectiondesk.ticket.TicketNoticePart;
import java.time.Instant;
import org.springframework.stereotype.Component;

/** The ERP hears of the ticket's pending promise: amount and date. */
@Component
class PromiseNotice implements TicketNoticePart {

    private final PromiseRepository promises;

    PromiseNotice(PromiseRepository promises) {
        this.promises = promises;
    }

    @Override
    public String type() {
        return "PROMISE";
    }

    @Override
    public TicketNotice of(Ticket ticket, String customerId, Instant at) {
        return promises.findFirstByTicketIdAndStatusOrderByIdDesc(ticket.getId(), Promise.Status.PENDING)
                .map(p -> new TicketNotice(ticket.getTicketNumber() + "/PROMISE/" + p.getId(), type(), ticket.getTicketNumber(),
                        customerId, ticket.getCurrency(), p.getAmount(), p.getPromisedDate(), null, at))
                .orElseThrow(() -> new IllegalStateException("Ticket " + ticket.getTicketNumber() + " has no pending promise"));
    }
}
