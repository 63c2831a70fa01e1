package com.collectiondesk.erp;

import com.collectiondesk.ledger.LedgerQueries;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Charges for the ERP?" after the daily scan: {@code chargesForErp} is true when the REST ERP has charges of ours to
 * hear of, so the scan makes the push job ({@link ErpChargePush}) only then; with the built-in ERP it never does.
 */
@Component
class ChargesForErpDelegate implements JavaDelegate {

    static final String CHARGES_FOR_ERP = "chargesForErp";

    private final ErpProperties properties;
    private final LedgerQueries ledger;

    ChargesForErpDelegate(ErpProperties properties, LedgerQueries ledger) {
        this.properties = properties;
        this.ledger = ledger;
    }

    @Override
    public void execute(DelegateExecution execution) {
        execution.setVariable(CHARGES_FOR_ERP, !ErpChargePush.BUILT_IN.equals(properties.type())
                && !ledger.chargesToPush(1).isEmpty());
    }
}
