package com.collectiondesk.erp;

import com.collectiondesk.ledger.ChargeToPush;
import com.collectiondesk.ledger.LedgerCommands;
import com.collectiondesk.ledger.LedgerQueries;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * "Tell ERP: our charges" after the daily scan (bpmn/delinquency-scan.bpmn, asyncBefore with the ERP's retries):
 * every interest segment and fee the service charged that the ERP has not booked at its current amount, keyed by the
 * charge key, so a retried job or a second run books nothing twice. The ERP's own imported charges are never pushed.
 * A failure is thrown: the job's transaction rolls back what it marked, retries, and ends in an incident.
 */
@Component("pushChargesDelegate")
class ErpChargePush implements JavaDelegate {

    static final String BUILT_IN = "built-in";
    /** Charges one job tells at most; the next day's run goes on with the rest. */
    static final int MAX_PER_RUN = 10_000;
    private static final int BATCH = 500;

    private final ErpConnector erp;
    private final ErpProperties properties;
    private final LedgerQueries ledger;
    private final LedgerCommands commands;

    ErpChargePush(ErpConnector erp, ErpProperties properties, LedgerQueries ledger, LedgerCommands commands) {
        this.erp = erp;
        this.properties = properties;
        this.ledger = ledger;
        this.commands = commands;
    }

    @Override
    public void execute(DelegateExecution execution) {
        pushNew();
    }

    /** Answers how many charges the ERP was told of; none with the built-in ERP (the ledger is its copy). */
    @Transactional
    public int pushNew() {
        if (BUILT_IN.equals(properties.type())) {
            return 0;
        }
        int pushed = 0;
        for (List<ChargeToPush> batch = ledger.chargesToPush(BATCH); !batch.isEmpty() && pushed < MAX_PER_RUN;
             batch = ledger.chargesToPush(BATCH)) {
            for (ChargeToPush charge : batch) {
                erp.pushCharge(charge);
                commands.chargePushed(charge.chargeKey(), charge.amount());
                pushed++;
            }
        }
        return pushed;
    }
}
