package com.collectiondesk.credit;

import com.collectiondesk.erp.CreditLimitNotice;
import com.collectiondesk.erp.ErpConnector;
import com.collectiondesk.system.BusinessClock;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Tell ERP: credit limit" (asyncBefore and after, the ERP's retry cycle, then an incident): the approved limit once
 * per change, under the key {@code credit-limit:{customer}:{change}:{limit}}; a change already told is not told again
 * (a repeated job), and a failure is thrown, so the job's transaction keeps nothing and retries.
 */
@Component
class PushCreditLimitDelegate implements JavaDelegate {

    private final CreditLimits limits;
    private final ErpConnector erp;
    private final BusinessClock clock;

    PushCreditLimitDelegate(CreditLimits limits, ErpConnector erp, BusinessClock clock) {
        this.limits = limits;
        this.erp = erp;
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        tell(((Number) execution.getVariable(CreditLimitReviews.CHANGE_ID)).longValue(),
                (String) execution.getVariable("customerId"), (String) execution.getVariable("currency"));
    }

    /** Tells the ERP the change's approved limit unless it was told already. */
    void tell(long changeId, String customerId, String currency) {
        CreditLimitChange change = limits.change(changeId).orElseThrow();
        if (change.toldErpAt() != null || change.approvedLimit() == null) {
            return;
        }
        erp.pushCreditLimit(new CreditLimitNotice(key(customerId, change), customerId, change.approvedLimit(),
                change.fromLimit(), currency, change.score() == null ? 0 : change.score(),
                change.decidedBy(), change.note() != null ? change.note() : change.ruleReason(), clock.now()));
        limits.toldErp(change, clock.now());
    }

    static String key(String customerId, CreditLimitChange change) {
        return "credit-limit:" + customerId + ":" + change.id() + ":" + change.approvedLimit().toPlainString();
    }
}
