package com.collectiondesk.ticket;

import com.collectiondesk.ledger.LedgerQueries;
import com.collectiondesk.security.AllowedGroups;
import com.collectiondesk.security.Groups;
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

    TicketApi(TicketQueries queries, LedgerQueries ledger) {
        this.queries = queries;
        this.ledger = ledger;
    }

    @Operation(summary = "Tickets filtered by status, owner, bucket, segment and product type, highest priority first, paged")
    @GetMapping
    TicketViews.PageView<TicketViews.Summary> list(@RequestParam(required = false) TicketStatus status,
                                   @RequestParam(required = false) String owner,
                                   @RequestParam(required = false) String bucket,
                                   @RequestParam(required = false) String segment,
                                   @RequestParam(required = false) String productType,
                                   @RequestParam(required = false) String customerId,
                                   @RequestParam(defaultValue = "0") int page,
                                   @RequestParam(defaultValue = "50") int size) {
        // an unknown customer has no tickets: the filter then matches none (pk -1), it is not ignored
        Long customerPk = customerId == null ? null : ledger.findDebtorPk(customerId.strip()).orElse(-1L);
        return TicketViews.PageView.of(queries.list(
                new TicketQueries.Filter(status, owner, bucket, segment, productType, customerPk), page, size));
    }

    @Operation(summary = "One ticket with its timeline, next step, contacts, promises, disputes, payments and decisions")
    @GetMapping("/{ticketNumber}")
    TicketViews.Detail get(@PathVariable String ticketNumber) {
        return queries.detail(ticketNumber);
    }
}
