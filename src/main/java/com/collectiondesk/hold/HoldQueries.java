package com.collectiondesk.hold;

import com.collectiondesk.ledger.LedgerQueries;
import com.collectiondesk.security.EntityScope;
import com.collectiondesk.system.BusinessClock;
import com.collectiondesk.ticket.HeldInvoices;
import com.collectiondesk.ticket.Ticket;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** What the holds mean for a ticket now: whether its strategy is paused and until when, and which invoices are held. */
@Service
@Transactional(readOnly = true)
public class HoldQueries implements HeldInvoices {

    /** The holds pausing a ticket; {@code until} null: open-ended (until lifted). */
    public record Pause(List<Hold> holds, Instant until) {

        public String describe() {
            return holds.stream().map(Hold::describe).collect(Collectors.joining("; "));
        }
    }

    private final HoldRepository holds;
    private final BusinessClock clock;
    private final EntityScope scope;
    private final LedgerQueries ledger;

    HoldQueries(HoldRepository holds, BusinessClock clock, EntityScope scope, LedgerQueries ledger) {
        this.holds = holds;
        this.clock = clock;
        this.scope = scope;
        this.ledger = ledger;
    }

    /** A hold of another legal entity's debtor is as unknown to a user limited to entities as a missing one. */
    boolean maySee(Hold hold) {
        return scope.limitedTo().isEmpty() || scope.maySee(ledger.legalEntityOf(hold.getCustomerPk()));
    }

    /**
     * The ticket is paused by its own holds, by any of the debtor's holds that stop all contact (insolvency, deceased),
     * and, when every overdue invoice on it is held, by those invoice holds.
     */
    public Optional<Pause> pauseOf(Ticket ticket) {
        LocalDate today = clock.today();
        List<Hold> open = holds.findUnliftedOf(ticket.getCustomerPk()).stream().filter(hold -> hold.isOpenOn(today)).toList();
        List<Hold> pausing = open.stream()
                .filter(hold -> hold.stopsAllContact() || (!hold.onInvoice() && ticket.getId().equals(hold.getTicketPk())))
                .toList();
        if (pausing.isEmpty() && ticket.getOverdueAmount().signum() > 0 && ticket.getStrategyAmount().signum() <= 0) {
            pausing = open.stream().filter(hold -> hold.onInvoice() && ticket.getInvoicePks().contains(hold.getInvoicePk())).toList();
        }
        if (pausing.isEmpty()) {
            return Optional.empty();
        }
        Instant until = pausing.stream().anyMatch(hold -> hold.getEndsOn() == null) ? null
                : pausing.stream().map(hold -> hold.endsAt(clock.zone())).max(Comparator.naturalOrder()).orElseThrow();
        return Optional.of(new Pause(pausing, until));
    }

    @Override
    public Set<Long> heldAmong(Long customerPk, Collection<Long> invoicePks, LocalDate on) {
        return holds.findUnliftedOf(customerPk).stream()
                .filter(hold -> hold.onInvoice() && hold.isOpenOn(on) && invoicePks.contains(hold.getInvoicePk()))
                .map(Hold::getInvoicePk).collect(Collectors.toSet());
    }

    @Override
    public Set<Long> heldAmongAll(Collection<Long> customerPks, Collection<Long> invoicePks, LocalDate on) {
        if (customerPks.isEmpty() || invoicePks.isEmpty()) {
            return Set.of();
        }
        Set<Long> among = invoicePks instanceof Set<Long> set ? set : Set.copyOf(invoicePks);
        return holds.findUnliftedOfAll(customerPks).stream()
                .filter(hold -> hold.onInvoice() && hold.isOpenOn(on) && among.contains(hold.getInvoicePk()))
                .map(Hold::getInvoicePk).collect(Collectors.toSet());
    }

    /** Every hold open today, oldest first. */
    public List<Hold> openHolds() {
        LocalDate today = clock.today();
        return holds.findUnlifted().stream().filter(hold -> hold.isOpenOn(today)).filter(this::maySee).toList();
    }
}
