package com.collectiondesk.erp;

import com.collectiondesk.ledger.Invoice;
import com.collectiondesk.ledger.InvoiceRepository;
import java.math.BigDecimal;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Brings the ledger's open amounts in line with the ERP: when the ERP shows less open on an invoice than
 * the ledger (paid or credited there), the ledger's invoice is reduced to match. Invoices and payments the
 * ledger does not know yet enter through the ledger's own import and API, never here.
 */
@Component
@Transactional
class ReceivablesApplier {

    private static final Logger log = LoggerFactory.getLogger(ReceivablesApplier.class);

    private final InvoiceRepository invoices;

    ReceivablesApplier(InvoiceRepository invoices) {
        this.invoices = invoices;
    }

    /** Returns how many invoices it reduced. */
    int apply(ErpReceivables receivables) {
        Map<String, Invoice> known = invoices.findByInvoiceNumberIn(receivables.invoices().stream()
                        .map(ErpReceivables.ErpInvoice::invoiceNumber).toList()).stream()
                .collect(Collectors.toMap(Invoice::getInvoiceNumber, Function.identity()));
        int reduced = 0;
        int unknown = 0;
        for (ErpReceivables.ErpInvoice erpInvoice : receivables.invoices()) {
            Invoice invoice = known.get(erpInvoice.invoiceNumber());
            if (invoice == null) {
                unknown++;
                continue;
            }
            BigDecimal gap = invoice.getOpenAmount().subtract(erpInvoice.openAmount() == null ? BigDecimal.ZERO : erpInvoice.openAmount());
            if (gap.signum() > 0) {
                invoice.settle(gap);
                reduced++;
            }
        }
        if (unknown > 0) {
            log.info("ERP reports {} invoices of customer {} the ledger does not hold yet; they arrive through the import",
                    unknown, receivables.customerId());
        }
        return reduced;
    }
}
