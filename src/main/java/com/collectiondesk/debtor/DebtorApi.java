package com.collectiondesk.debtor;

import com.collectiondesk.security.AllowedGroups;
import com.collectiondesk.security.Groups;
import io.swagger.v3.oas.annotations.Operation;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Find any debtor by one term, and everything about one debtor on one page; read like the ticket API. */
@RestController
@RequestMapping("/api/customers")
@AllowedGroups({Groups.COLLECTORS, Groups.DISPUTES, Groups.MANAGERS, Groups.ANALYSTS})
class DebtorApi {

    private final DebtorFinder finder;
    private final DebtorOverviews overviews;

    DebtorApi(DebtorFinder finder, DebtorOverviews overviews) {
        this.finder = finder;
        this.overviews = overviews;
    }

    @Operation(summary = "Find debtors by name (any case, with or without accents), phone, e-mail, customer id, invoice or ticket number")
    @GetMapping
    DebtorFinder.SearchPage search(@RequestParam(required = false) String q,
                                   @RequestParam(defaultValue = "0") int page,
                                   @RequestParam(defaultValue = "20") int size) {
        return finder.search(q, page, size);
    }

    @Operation(summary = "The debtor at a glance: contact points, tickets, invoices, payments, contacts, promises, disputes, segment")
    @GetMapping("/{customerId}/overview")
    DebtorOverviews.Overview overview(@PathVariable String customerId) {
        return overviews.of(customerId);
    }
}
