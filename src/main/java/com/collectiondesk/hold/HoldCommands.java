package com.collectiondesk.hold;

import com.collectiondesk.ledger.HoldReason;
import java.time.LocalDate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Holds for other features: the debtor's dispute on the self-service page holds the ticket (or the disputed invoice)
 * as a COMPLAINT until the dispute is dealt with and lifted.
 */
@Service
@Transactional
public class HoldCommands {

    private final HoldService holds;

    HoldCommands(HoldService holds) {
        this.holds = holds;
    }

    /**
     * Holds the ticket ({@code invoiceNumber} null) or one of its overdue invoices for the debtor's dispute, open-ended
     * or until {@code endsOn}; answers the hold's id, which {@link #lift} takes. Refused naming the field as the API is.
     */
    public Long holdForDispute(String ticketNumber, String invoiceNumber, String note, LocalDate endsOn, String author) {
        return holds.hold(ticketNumber, invoiceNumber, HoldReason.COMPLAINT, note, endsOn, HoldSource.DISPUTE, author).getId();
    }

    public void lift(Long holdId, String author) {
        holds.lift(holdId, author);
    }

    /** Lifts the hold if it is still open (a manager may have lifted it, its end date passed); answers whether it did. */
    public boolean liftIfOpen(Long holdId, String author) {
        return holds.isOpen(holdId) && holds.lift(holdId, author) != null;
    }

    /** The ticket's invoice is held already (by the ERP, a manager or an earlier dispute): a dispute adds no hold. */
    public boolean invoiceHeld(String ticketNumber, Long invoicePk) {
        return holds.invoiceHeld(ticketNumber, invoicePk);
    }
}
