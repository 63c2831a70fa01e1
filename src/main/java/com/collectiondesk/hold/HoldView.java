package com.collectiondesk.hold;

import com.collectiondesk.ledger.HoldReason;
import java.time.LocalDate;

/** A hold as the API, the ticket's detail and the Cockpit page show it. */
public record HoldView(Long id, String ticketNumber, String invoiceNumber, HoldReason reason, HoldSource source, String note,
                       LocalDate startsOn, LocalDate endsOn, LocalDate liftedOn, boolean open, boolean interestFrozen,
                       boolean stopsAllContact, String placedBy, String liftedBy) {
}
