package com.collectiondesk.worklist;

import com.collectiondesk.security.Groups;
import com.collectiondesk.ticket.TicketOwnership;
import com.collectiondesk.ticket.TicketOwnership.OwnedTicket;
import java.util.Optional;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Gives a ticket an owner by skills and load, and tells whether an owner can take tasks today. */
@Service
@Transactional
class OwnerAssignment {

    private final TicketOwnership ownership;
    private final CollectorProfileRepository profiles;
    private final IdentityService identity;

    OwnerAssignment(TicketOwnership ownership, CollectorProfileRepository profiles, IdentityService identity) {
        this.ownership = ownership;
        this.profiles = profiles;
        this.identity = identity;
    }

    /** Chooses an owner for a ticket without one; returns the owner (existing, new, or none when nobody is available). */
    Optional<String> assign(Long ticketId) {
        OwnedTicket ticket = ownership.byId(ticketId);
        if (ticket.owner() != null) {
            return Optional.of(ticket.owner());
        }
        Optional<String> owner = OwnerChoice.choose(ticket, profiles.findByAvailableTrueOrderByUserIdAsc(),
                ownership.openTicketsByOwner());
        owner.ifPresent(chosen -> ownership.changeOwner(ticketId, chosen, "system",
                "chosen by language " + ticket.language() + ", product " + ticket.productType() + " and load"));
        return owner;
    }

    /** Only members of the collectors group own tickets. */
    boolean isCollector(String userId) {
        return identity.createUserQuery().userId(userId).memberOfGroup(Groups.COLLECTORS).count() > 0;
    }

    /** Collectors without a profile count as available: a manager may hand a ticket to anyone. */
    boolean isAvailable(String userId) {
        return profiles.findById(userId).map(CollectorProfile::isAvailable).orElse(true);
    }
}
