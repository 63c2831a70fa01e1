package com.collectiondesk.erp;

import com.collectiondesk.ledger.LedgerCommands.ErpAlignment;
import com.collectiondesk.ledger.LedgerCommands.ErpOpenAmount;
import com.collectiondesk.ledger.LedgerCommands;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Brings the ledger's open amounts in line with the ERP: when the ERP shows less open on an invoice than
 * the ledger (paid or credited there), the ledger reduces its invoice to match ({@link LedgerCommands#applyErpOpenAmounts}).
 * Invoices and payments the ledger does not know yet enter through the ledger's own import and API, never here.
 */
@Component
@Transactional
class ReceivablesApplier {

    private static final Logger log = LoggerFactory.getLogger(ReceivablesApplier.class);

    private final LedgerCommands ledger;

    ReceivablesApplier(LedgerCommands ledger) {
        this.ledger = ledger;
    }

    /** Returns how many invoices it reduced. */
    int apply(ErpReceivables receivables) {
        ErpAlignment alignment = ledger.applyErpOpenAmounts(receivables.invoices().stream()
                .map(erpInvoice -> new ErpOpenAmount(erpInvoice.invoiceNumber(), erpInvoice.openAmount())).toList());
        if (alignment.unknown() > 0) {
            log.info("ERP reports {} invoices of customer {} the ledger does not hold yet; they arrive through the import",
                    alignment.unknown(), receivables.customerId());
        }
        List<LedgerCommands.ErpHoldFields> holds = receivables.invoices().stream().filter(erpInvoice -> erpInvoice.holdReason() != null)
                .map(erpInvoice -> new LedgerCommands.ErpHoldFields(erpInvoice.invoiceNumber(), erpInvoice.holdReason(),
                        erpInvoice.holdEndsOn(), erpInvoice.holdNote())).toList();
        if (!holds.isEmpty()) {
            // invoice numbers and the field's problem only: nothing personal in the log
            ledger.applyErpHolds(holds).forEach(refused -> log.warn("ERP hold on invoice {} of customer {} refused: {} {}",
                    refused.invoiceNumber(), receivables.customerId(), refused.field(), refused.message()));
        }
        return alignment.reduced();
    }
}
