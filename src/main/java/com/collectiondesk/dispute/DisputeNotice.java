package com.collectiondesk.dispute;

import com.collectiondesk.erp.TicketNotice;
import com.collectiondesk.ticket.Ticket;
import com.collectiondesk.ticket.TicketNoticePart;
import java.time.Instant;
import org.springframework.stereotype.Component;

/** The ERP hears of the ticket's open dispute: the amount and the debtor's reason. */
@Component
class DisputeNotice implements TicketNoticePart {

    private final DisputeRepository disputes;

    DisputeNotice(DisputeRepository disputes) {
        this.disputes = disputes;
    }

    @Override
    public String type() {
        return "DISPUTE";
    }

    @Override
    public TicketNotice of(Ticket ticket, String customerId, Instant at) {
        return disputes.findFirstByTicketIdAndResolutionIsNullOrderByIdDesc(ticket.getId())
                .map(d -> new TicketNotice(ticket.getTicketNumber() + "/DISPUTE/" + d.getId(), type(), ticket.getTicketNumber(),
                        customerId, ticket.getCurrency(), d.getAmount(), null, d.getReason(), at))
                .orElseThrow(() -> new IllegalStateException("Ticket " + ticket.getTicketNumber() + " has no open dispute"));
    }
}
