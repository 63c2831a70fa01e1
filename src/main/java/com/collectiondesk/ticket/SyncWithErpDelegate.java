package com.collectiondesk.ticket;

import com.collectiondesk.erp.ErpConnector;
import com.collectiondesk.security.EntityScope;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/** Pulls the customer's invoices and payments from the ERP, refreshes the ticket and hands the segment decision its inputs. */
@Component
class SyncWithErpDelegate implements JavaDelegate {

    private final ErpConnector erp;
    private final TicketService tickets;
    private final ProcessTickets processTickets;
    private final ObjectProvider<DebtorRiskScores> riskScores;

    SyncWithErpDelegate(ErpConnector erp, TicketService tickets, ProcessTickets processTickets,
                        ObjectProvider<DebtorRiskScores> riskScores) {
        this.erp = erp;
        this.tickets = tickets;
        this.processTickets = processTickets;
        this.riskScores = riskScores;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Ticket ticket = tickets.get(processTickets.idOf(execution));
        erp.pull(tickets.debtorOf(ticket).customerId());
        Overdue overdue = tickets.refresh(ticket);
        Integer risk = riskScores.orderedStream().flatMap(scores -> scores.of(ticket.getCustomerPk()).stream())
                .map(DebtorRiskScores.Scored::score).findFirst().orElse(tickets.debtorOf(ticket).riskScore());
        // paid in the ERP between the scan and now: the ticket closes before any step
        execution.setVariable(TicketProcess.OVERDUE_LEFT, !overdue.isNothing());
        execution.setVariable(TicketProcess.MAX_DPD, overdue.maxDpd());
        // held invoices' money is not the strategy's to work
        execution.setVariable(TicketProcess.OVERDUE_AMOUNT, ticket.getStrategyAmount().doubleValue());
        execution.setVariable(TicketProcess.PRODUCT_TYPE, ticket.getProductType());
        execution.setVariable(EntityScope.PROCESS_VARIABLE, ticket.getLegalEntity()); // limited users' task queries
        execution.setVariable(TicketProcess.BROKEN_PROMISES, ticket.getBrokenPromises());
        // an unknown risk score counts as 0 (no known risk), so the table never sees null
        execution.setVariable(TicketProcess.RISK_SCORE, risk == null ? 0 : risk);
    }
}
