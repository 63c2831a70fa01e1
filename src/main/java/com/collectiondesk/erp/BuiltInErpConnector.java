package com.collectiondesk.erp;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * The default: the service's own ledger (fed by CSV import and the API) is the ERP copy, so pulling has
 * nothing to fetch and ticket events stay on the ticket's timeline.
 */
@Component
@ConditionalOnProperty(name = "collection.erp.type", havingValue = "built-in", matchIfMissing = true)
class BuiltInErpConnector implements ErpConnector {

    private static final Logger log = LoggerFactory.getLogger(BuiltInErpConnector.class);

    @Override
    public void pull(String customerId) {
        log.debug("Built-in ERP: the ledger is the ERP copy for customer {}", customerId);
    }

    @Override
    public void push(TicketNotice notice) {
        log.debug("Built-in ERP: {} on {} stays on the timeline", notice.type(), notice.ticketNumber());
    }

    @Override
    public void pushCharge(com.collectiondesk.ledger.ChargeToPush charge) {
        log.debug("Built-in ERP: charge {} stays in the ledger", charge.chargeKey());
    }

    @Override
    public void pushCreditLimit(CreditLimitNotice limit) {
        log.debug("Built-in ERP: credit limit change {} stays with the credit limits", limit.changeKey());
    }
}
