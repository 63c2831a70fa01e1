package com.collectiondesk.worklist;

import com.collectiondesk.contact.ContactService;
import com.collectiondesk.dispute.DisputeService;
import com.collectiondesk.ledger.Customer;
import com.collectiondesk.ledger.LedgerQueries.DebtorFacts;
import com.collectiondesk.system.BusinessClock;
import com.collectiondesk.ticket.ProcessTickets;
import com.collectiondesk.ticket.Ticket;
import com.collectiondesk.ticket.TicketProcess;
import com.collectiondesk.ticket.TicketService;
import java.time.LocalDate;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Puts what the collector, dispute handler or manager needs to see into the task's variables when the task
 * is created: debtor, amounts, DPD, overdue invoices, the last contacts, an open promise or dispute and a
 * summary of the timeline.
 */
@Component
class ShowTicketFactsDelegate implements TaskListener {

    static final String PROMISE_EARLIEST_DATE = "promiseEarliestDate";
    static final String PROMISE_LATEST_DATE = "promiseLatestDate";
    static final String OVERDUE_AMOUNT = "overdueAmount";

    private final TicketService tickets;
    private final ContactService contacts;
    private final DisputeService disputes;
    private final TaskFacts facts;
    private final ProcessTickets processTickets;
    private final WorklistSettings settings;
    private final BusinessClock clock;

    ShowTicketFactsDelegate(TicketService tickets, ContactService contacts, DisputeService disputes, TaskFacts facts,
                            ProcessTickets processTickets, WorklistSettings settings, BusinessClock clock) {
        this.tickets = tickets;
        this.contacts = contacts;
        this.disputes = disputes;
        this.facts = facts;
        this.processTickets = processTickets;
        this.settings = settings;
        this.clock = clock;
    }

    @Override
    public void notify(DelegateTask task) {
        Ticket ticket = tickets.get(processTickets.idOf(task));
        DebtorFacts customer = tickets.debtorOf(ticket);
        task.setVariableLocal(DebtorTaskVariables.TICKET_NUMBER, ticket.getTicketNumber());
        task.setVariablesLocal(DebtorTaskVariables.of(customer));
        task.setVariableLocal(TicketProcess.DEBTOR_LANGUAGE, customer.language());
        task.setVariableLocal("overdue", ticket.getOverdueAmount().toPlainString() + " " + ticket.getCurrency());
        task.setVariableLocal(TicketProcess.MAX_DPD, ticket.getMaxDpd());
        task.setVariableLocal(TicketProcess.LAST_CONTACTS, contacts.lastContacts(ticket.getId()));
        task.setVariableLocal(TicketProcess.OVERDUE_INVOICES, facts.overdueInvoices(ticket));
        task.setVariableLocal(TicketProcess.OPEN_PROMISE, facts.openPromise(ticket));
        task.setVariableLocal(TicketProcess.TIMELINE_SUMMARY, facts.timelineSummary(ticket));
        showFormLimits(task, ticket);
        disputes.openOn(ticket.getId()).ifPresent(dispute -> {
            task.setVariableLocal("disputedReason", dispute.getReason());
            task.setVariableLocal("disputedAmount", dispute.getAmount().toPlainString() + " " + ticket.getCurrency());
        });
    }

    /**
     * The bounds the call form's own validation checks (form-js {@code min}/{@code max} expressions), so a promise
     * date out of range or a dispute above the overdue amount is an error next to its field before anything is
     * sent; the server checks the same when the task is completed.
     */
    private void showFormLimits(DelegateTask task, Ticket ticket) {
        LocalDate today = clock.today();
        task.setVariableLocal(PROMISE_EARLIEST_DATE, today.toString());
        task.setVariableLocal(PROMISE_LATEST_DATE, today.plusDays(settings.promiseMaxDays()).toString());
        task.setVariableLocal(OVERDUE_AMOUNT, ticket.getOverdueAmount().doubleValue());
    }
}
