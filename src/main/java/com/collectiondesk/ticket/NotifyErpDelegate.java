package com.collectiondesk.ticket;

import com.collectiondesk.erp.ErpConnector;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Tells the ERP what happened on the ticket ({@code erpEvent}: OPENED, PROMISE, DISPUTE or CLOSED). */
@Component
class NotifyErpDelegate implements JavaDelegate {

    private final ErpConnector erp;
    private final TicketNotices notices;
    private final ProcessTickets processTickets;

    NotifyErpDelegate(ErpConnector erp, TicketNotices notices, ProcessTickets processTickets) {
        this.erp = erp;
        this.notices = notices;
        this.processTickets = processTickets;
    }

    @Override
    public void execute(DelegateExecution execution) {
        erp.push(notices.of(processTickets.idOf(execution), (String) execution.getVariable("erpEvent")));
    }
}
