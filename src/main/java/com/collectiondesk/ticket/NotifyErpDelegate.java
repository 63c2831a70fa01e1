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

    NotifyErpDelegate(ErpConnector erp, TicketNotices notices) {
        this.erp = erp;
        this.notices = notices;
    }

    @Override
    public void execute(DelegateExecution execution) {
        erp.push(notices.of((Long) execution.getVariable(TicketProcess.TICKET_ID), (String) execution.getVariable("erpEvent")));
    }
}
