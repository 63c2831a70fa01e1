package com.collectiondesk.selfservice;

import com.collectiondesk.dispute.DisputeResolved;
import com.collectiondesk.hold.HoldCommands;
import com.collectiondesk.ledger.LedgerQueries;
import com.collectiondesk.ticket.TicketClosed;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The hold a page dispute puts on the disputed invoice (reason COMPLAINT, open-ended, by the debtor): its money leaves
 * the strategy's total and the messages until the dispute team has resolved the dispute or the ticket closed, when the
 * hold is lifted. An invoice held already (by the ERP, a manager) gets no second hold, and that hold stays as it was.
 */
@Component
class DisputeHolds {

    private final HoldCommands holds;
    private final JdbcTemplate jdbc;

    DisputeHolds(HoldCommands holds, JdbcTemplate jdbc) {
        this.holds = holds;
        this.jdbc = jdbc;
    }

    /** The hold's id; empty when the invoice is held already. */
    Optional<Long> hold(DebtorAccount account, LedgerQueries.OpenInvoice invoice, BigDecimal amount) {
        if (holds.invoiceHeld(account.ticketNumber(), invoice.pk())) {
            return Optional.empty();
        }
        return Optional.of(holds.holdForDispute(account.ticketNumber(), invoice.invoiceNumber(), "Disputed "
                + amount.toPlainString() + " " + invoice.currency() + " on the self-service page", null, SelfServicePage.BY_THE_DEBTOR));
    }

    @EventListener
    void on(DisputeResolved resolved) {
        lift(jdbc.queryForList("select hold_fk from self_service_dispute where dispute_fk = ? and hold_fk is not null", Long.class,
                resolved.disputeId()), resolved.author());
    }

    @EventListener
    void on(TicketClosed closed) {
        lift(jdbc.queryForList("select hold_fk from self_service_dispute where ticket_fk = ? and hold_fk is not null", Long.class,
                closed.ticketId()), closed.author());
    }

    private void lift(List<Long> holdIds, String author) {
        holdIds.forEach(holdId -> holds.liftIfOpen(holdId, author));
    }
}
