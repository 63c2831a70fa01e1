package com.collectiondesk.worklist;

import com.collectiondesk.ledger.DebtorSearchText;
import com.collectiondesk.ledger.LedgerQueries.DebtorFacts;
import com.collectiondesk.ticket.TicketProcess;
import java.util.HashMap;
import java.util.Map;

/**
 * The debtor as a task of their ticket shows and finds them: name, phone and e-mail, and the search line the
 * Tasklist search box matches (scripts/debtor-search). Set when the task is created and again when they change.
 */
final class DebtorTaskVariables {

    /** The task-local variable naming the task's ticket, by which a debtor's open tasks are found. */
    static final String TICKET_NUMBER = "ticketNumber";

    private DebtorTaskVariables() {
    }

    static Map<String, Object> of(DebtorFacts debtor) {
        Map<String, Object> variables = new HashMap<>();
        variables.put(TicketProcess.DEBTOR_NAME, debtor.name());
        variables.put(TicketProcess.DEBTOR_PHONE, debtor.phone());
        variables.put(TicketProcess.DEBTOR_EMAIL, debtor.email());
        variables.put(TicketProcess.DEBTOR_SEARCH, DebtorSearchText.ofDebtor(debtor.name(), debtor.phone(), debtor.email()));
        return variables;
    }
}
