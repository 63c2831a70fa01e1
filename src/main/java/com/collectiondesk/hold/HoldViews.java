package com.collectiondesk.hold;

import com.collectiondesk.ledger.LedgerQueries;
import com.collectiondesk.system.BusinessClock;
import com.collectiondesk.ticket.TicketDetailPart;
import com.collectiondesk.ticket.TicketService;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Turns holds into {@link HoldView}s with their ticket and invoice numbers; the ticket's detail shows them under "holds". */
@Component
@Transactional(readOnly = true)
class HoldViews {

    private final TicketService tickets;
    private final LedgerQueries ledger;
    private final BusinessClock clock;

    HoldViews(TicketService tickets, LedgerQueries ledger, BusinessClock clock) {
        this.tickets = tickets;
        this.ledger = ledger;
        this.clock = clock;
    }

    HoldView of(Hold hold) {
        return new HoldView(hold.getId(), hold.getTicketPk() == null ? null : tickets.get(hold.getTicketPk()).getTicketNumber(),
                hold.getInvoicePk() == null ? null : ledger.invoiceNumbers(List.of(hold.getInvoicePk())).stream().findFirst().orElse(null),
                hold.getReason(), hold.getSource(), hold.getNote(), hold.getStartsOn(), hold.getEndsOn(), hold.getLiftedOn(),
                hold.isOpenOn(clock.today()), hold.isFreezesInterest(), hold.stopsAllContact(), hold.getPlacedBy(), hold.getLiftedBy());
    }

    List<HoldView> of(List<Hold> holds) {
        return holds.stream().map(this::of).toList();
    }

    @Bean
    @Order(5)
    static TicketDetailPart holdsOfTheTicket(HoldRepository repository, HoldViews views) {
        return new TicketDetailPart("holds", ticketId -> views.of(repository.findByTicketPkOrderByIdAsc(ticketId)));
    }
}
