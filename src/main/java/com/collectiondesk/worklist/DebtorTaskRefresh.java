package com.collectiondesk.worklist;

import com.collectiondesk.ledger.DebtorContactsChanged;
import com.collectiondesk.ledger.LedgerQueries;
import com.collectiondesk.ticket.TicketProcessGateway;
import com.collectiondesk.ticket.TicketQueries;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionException;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * When a debtor's name, phone or e-mail changes (import or API), the open tasks of their open tickets show and
 * are found by the new ones: the Tasklist search box matches the task variable {@code debtorSearch}, which
 * {@link ShowTicketFactsDelegate} wrote when the task was created. After the ledger's commit, so a task that is
 * being completed meanwhile never rolls an import back; as the service, since the caller (the ERP) sees no tasks.
 */
@Component
class DebtorTaskRefresh {

    private static final Logger LOG = LoggerFactory.getLogger(DebtorTaskRefresh.class);

    private final LedgerQueries ledger;
    private final TicketQueries tickets;
    private final TicketProcessGateway processes;
    private final TaskService tasks;
    /** Its own transaction: the ledger's has committed when this runs. */
    private final TransactionTemplate ownTransaction;

    DebtorTaskRefresh(LedgerQueries ledger, TicketQueries tickets, TicketProcessGateway processes, TaskService tasks,
                      PlatformTransactionManager transactions) {
        this.ledger = ledger;
        this.tickets = tickets;
        this.processes = processes;
        this.tasks = tasks;
        this.ownTransaction = new TransactionTemplate(transactions);
        ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    @TransactionalEventListener
    void refresh(DebtorContactsChanged changed) {
        try {
            Integer refreshed = ownTransaction.execute(status -> processes.asSystem(() -> {
                Map<String, Object> variables = DebtorTaskVariables.of(ledger.debtor(changed.customerPk()));
                int count = 0;
                for (String ticketNumber : tickets.openTicketNumbersOf(changed.customerPk())) {
                    for (Task task : tasks.createTaskQuery().taskVariableValueEquals(DebtorTaskVariables.TICKET_NUMBER, ticketNumber).list()) {
                        tasks.setVariablesLocal(task.getId(), variables);
                        count++;
                    }
                }
                return count;
            }));
            LOG.debug("Debtor {}: search variables of {} open tasks refreshed", changed.customerPk(), refreshed);
        } catch (ProcessEngineException | TransactionException e) {
            // the ledger has committed; the next task of the ticket shows the new name either way
            LOG.warn("Debtor {}: open tasks keep the former name and phone until they end: {}", changed.customerPk(),
                    e.getClass().getSimpleName());
        }
    }
}
