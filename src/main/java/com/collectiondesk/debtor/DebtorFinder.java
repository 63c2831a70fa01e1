package com.collectiondesk.debtor;

import com.collectiondesk.errors.InputRefused;
import com.collectiondesk.ledger.LedgerQueries;
import com.collectiondesk.ledger.LedgerQueries.DebtorHits;
import com.collectiondesk.ledger.LedgerQueries.Money;
import com.collectiondesk.system.BusinessClock;
import com.collectiondesk.ticket.TicketQueries;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The debtor search: the ledger matches names, phones, e-mails, customer ids and invoice numbers; a ticket
 * number is resolved here through the ticket module, which also names each debtor's open ticket.
 */
@Service
@Transactional(readOnly = true)
class DebtorFinder {

    static final int MAX_SIZE = 100;
    static final int MAX_TERM = 200;

    record Hit(String customerId, String name, String phone, String email, String country, String timeZone,
               List<Money> overdue, String openTicket) {
    }

    record SearchPage(String q, List<Hit> content, int page, int size, long totalElements, int totalPages) {
    }

    private final LedgerQueries ledger;
    private final TicketQueries tickets;
    private final BusinessClock clock;

    DebtorFinder(LedgerQueries ledger, TicketQueries tickets, BusinessClock clock) {
        this.ledger = ledger;
        this.tickets = tickets;
        this.clock = clock;
    }

    SearchPage search(String q, int page, int size) {
        if (q == null || q.isBlank()) {
            throw new InputRefused("q", "is required: part of a name, a phone number, an e-mail, a customer id, "
                    + "an invoice number or a ticket number");
        }
        if (q.strip().length() > MAX_TERM) {
            throw new InputRefused("q", "must be at most " + MAX_TERM + " characters, got " + q.strip().length());
        }
        if (page < 0) {
            throw new InputRefused("page", "must be 0 or more, got " + page);
        }
        if (size < 1 || size > MAX_SIZE) {
            throw new InputRefused("size", "must be between 1 and " + MAX_SIZE + ", got " + size);
        }
        String term = q.strip();
        DebtorHits found = ledger.searchDebtors(term, tickets.debtorOf(term).stream().toList(), clock.today(), page, size);
        Map<Long, String> openTickets = tickets.openTicketNumbers(found.hits().stream().map(LedgerQueries.DebtorHit::pk).toList());
        List<Hit> hits = found.hits().stream().map(hit -> new Hit(hit.customerId(), hit.name(), hit.phone(), hit.email(),
                hit.country(), hit.timeZone(), hit.overdue(), openTickets.get(hit.pk()))).toList();
        return new SearchPage(term, hits, page, size, found.total(), (int) ((found.total() + size - 1) / size));
    }
}
