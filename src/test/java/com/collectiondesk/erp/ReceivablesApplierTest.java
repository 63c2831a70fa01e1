package com.collectiondesk.erp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyCollection;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.collectiondesk.ledger.Invoice;
import com.collectiondesk.ledger.InvoiceRepository;
import com.collectiondesk.ledger.LedgerUnitParts;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReceivablesApplierTest {

    @Test
    void invoicesTheErpShowsAsLessOpenAreReducedAndOthersLeftAlone() {
        Invoice paidInErp = invoice("INV-1", "200.00");
        Invoice unchanged = invoice("INV-2", "80.00");
        InvoiceRepository invoices = mock(InvoiceRepository.class);
        when(invoices.findByInvoiceNumberIn(anyCollection())).thenReturn(List.of(paidInErp, unchanged));

        int reduced = new ReceivablesApplier(LedgerUnitParts.commandsOn(invoices)).apply(new ErpReceivables("C-1", List.of(
                erpInvoice("INV-1", "200.00", "30.00"), erpInvoice("INV-2", "80.00", "80.00"),
                erpInvoice("INV-3", "10.00", "10.00")), List.of()));

        assertThat(reduced).isEqualTo(1);
        assertThat(paidInErp.getOpenAmount()).isEqualByComparingTo("30.00");
        assertThat(unchanged.getOpenAmount()).isEqualByComparingTo("80.00");
    }

    private static Invoice invoice(String number, String amount) {
        return LedgerUnitParts.invoice(number, amount);
    }

    private static ErpReceivables.ErpInvoice erpInvoice(String number, String amount, String open) {
        return new ErpReceivables.ErpInvoice(number, null, LocalDate.of(2026, 1, 1), LocalDate.of(2026, 1, 31),
                new BigDecimal(amount), new BigDecimal(open), "EUR");
    }
}
