package com.collectiondesk.worklist;

import com.collectiondesk.ticket.TicketOwnership.OwnedTicket;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Picks a ticket's owner among available collectors: the best skill match (language and product type, else
 * language, else product type, else anyone), then the lowest open-ticket load, ties by user id.
 */
final class OwnerChoice {

    private OwnerChoice() {
    }

    static Optional<String> choose(OwnedTicket ticket, List<CollectorProfile> available, Map<String, Long> load) {
        List<Predicate<CollectorProfile>> preferences = List.of(
                p -> p.speaks(ticket.language()) && p.knows(ticket.productType()),
                p -> p.speaks(ticket.language()),
                p -> p.knows(ticket.productType()),
                p -> true);
        Comparator<CollectorProfile> leastLoaded = Comparator
                .<CollectorProfile>comparingLong(p -> load.getOrDefault(p.getUserId(), 0L))
                .thenComparing(CollectorProfile::getUserId);
        for (Predicate<CollectorProfile> preference : preferences) {
            Optional<String> chosen = available.stream().filter(preference).min(leastLoaded).map(CollectorProfile::getUserId);
            if (chosen.isPresent()) {
                return chosen;
            }
        }
        return Optional.empty();
    }
}
