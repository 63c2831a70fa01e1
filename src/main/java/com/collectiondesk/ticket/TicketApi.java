package com.collectiondesk.ticket;

import com.collectiondesk.ledger.LedgerQueries;
import com.collectiondesk.security.AllowedGroups;
import com.collectiondesk.security.EntityScope;
import com.collectiondesk.security.Groups;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import io.swagger.v3.oas.annotations.Operation;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Tickets for collectors, dispute handlers, managers and analysts; calls, promises and disputes have their own modules' endpoints. */
@RestController
@RequestMapping("/api/tickets")
@AllowedGroups({Groups.COLLECTORS, Groups.DISPUTES, Groups.MANAGERS, Groups.ANALYSTS})
class TicketApi {

    private final TicketQueries queries;
    private final LedgerQueries ledger;
    private final EntityScope scope;

    TicketApi(TicketQueries queries, LedgerQueries ledger, EntityScope scope) {
        this.queries = queries;
        this.ledger = ledger;
        this.scope = scope;
    }

    @Operation(summary = "Tickets filtered by status, owner, bucket, segment, product type and legal entity, highest priority"
            + " first, paged; a user limited to legal entities sees only theirs")
    @GetMapping
    TicketViews.PageView<TicketViews.Summary> list(@RequestParam(required = false) TicketStatus status,
                                   @RequestParam(required = false) String owner,
                                   @RequestParam(required = false) String bucket,
                                   @RequestParam(required = false) String segment,
                                   @RequestParam(required = false) String productType,
                                   @RequestParam(required = false) String customerId,
                                   @RequestParam(required = false) String legalEntity,
                                   @RequestParam(defaultValue = "0") int page,
                                   @RequestParam(defaultValue = "50") int size) {
        // an unknown customer has no tickets: the filter then matches none (pk -1), it is not ignored
        Long customerPk = customerId == null ? null : ledger.findDebtorPk(customerId.strip()).orElse(-1L);
        return TicketViews.PageView.of(queries.list(new TicketQueries.Filter(status, owner, bucket, segment, productType,
                customerPk, entities(legalEntity)), page, size));
    }

    /** The entities asked for within those the user may see: another entity's tickets match none, they are not an error. */
    private Set<String> entities(String asked) {
        Optional<Set<String>> limited = scope.limitedTo();
        if (asked == null || asked.isBlank()) {
            return limited.orElse(null);
        }
        String code = asked.strip().toUpperCase(Locale.ROOT);
        return limited.isEmpty() || limited.get().contains(code) ? Set.of(code) : Set.of();
    }

    @Operation(summary = "One ticket with its timeline, next step, contacts, promises, disputes, payments and decisions")
    @GetMapping("/{ticketNumber}")
    TicketViews.Detail get(@PathVariable String ticketNumber) {
        return queries.detail(ticketNumber);
    }
}
