package com.collectiondesk.hold;

import com.collectiondesk.ledger.ErpHoldsImported;
import com.collectiondesk.ticket.Ticket;
import com.collectiondesk.ticket.TicketService;
import java.util.List;
import java.util.Objects;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The ERP's holds from the invoice import, inside its transaction: a new or changed hold on an invoice replaces the
 * ERP's open one, an empty reason lifts it, the same hold again changes nothing. Holds of others stay as they are.
 */
@Component
class ErpHolds {

    static final String AUTHOR = "erp";

    private final HoldRepository holds;
    private final HoldService service;
    private final TicketService tickets;
    private final com.collectiondesk.system.BusinessClock clock;

    ErpHolds(HoldRepository holds, HoldService service, TicketService tickets, com.collectiondesk.system.BusinessClock clock) {
        this.holds = holds;
        this.service = service;
        this.tickets = tickets;
        this.clock = clock;
    }

    @EventListener
    void on(ErpHoldsImported imported) {
        imported.holds().forEach(this::apply);
    }

    private void apply(ErpHoldsImported.InvoiceHold erp) {
        List<Hold> current = holds.findUnliftedOf(erp.customerPk()).stream()
                .filter(hold -> hold.getSource() == HoldSource.ERP && erp.invoicePk().equals(hold.getInvoicePk())
                        && hold.isOpenOn(clock.today()))
                .toList();
        if (erp.reason() != null && current.stream().anyMatch(hold -> hold.getReason() == erp.reason()
                && Objects.equals(hold.getEndsOn(), erp.endsOn()) && Objects.equals(hold.getNote(), erp.note()))) {
            return;
        }
        current.forEach(hold -> service.lift(hold.getId(), AUTHOR));
        if (erp.reason() != null) {
            Ticket ticket = tickets.openOf(erp.customerPk()).stream()
                    .filter(open -> open.getInvoicePks().contains(erp.invoicePk())).findFirst().orElse(null);
            service.place(new HoldService.Placement(erp.customerPk(), ticket, erp.invoicePk(), erp.invoiceNumber(), erp.reason(),
                    erp.note(), erp.endsOn(), HoldSource.ERP, AUTHOR));
        }
    }
}
