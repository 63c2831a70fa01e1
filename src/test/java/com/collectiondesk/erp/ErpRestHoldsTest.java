package com.collectiondesk.erp;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.collectiondesk.ledger.Contract;
import com.collectiondesk.ledger.Customer;
import com.collectiondesk.ledger.Invoice;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** The ERP's holds in its REST answer: held as from the import, a wrong value refuses that invoice's hold only. */
class ErpRestHoldsTest extends ErpWireMockTestBase {

    @Autowired JdbcTemplate jdbc;

    @Test
    void theRestAnswersHoldsArePlacedAndABadOneIsRefusedWhileTheOthersAreKept() {
        Customer debtor = ledger.customer(500);
        Contract loan = ledger.contract(debtor, "CONSUMER_LOAN");
        Invoice held = ledger.invoice(debtor, loan, "200.00", TODAY.minusDays(20));
        Invoice bad = ledger.invoice(debtor, loan, "100.00", TODAY.minusDays(10));
        Invoice silent = ledger.invoice(debtor, loan, "50.00", TODAY.minusDays(5));
        receivables(debtor, """
                {"customerId": "%s", "invoices": [
                  {"invoiceNumber": "%s", "openAmount": 200.00, "currency": "EUR", "holdReason": "hardship",
                   "holdEndsOn": "%s", "holdNote": "Lost the job"},
                  {"invoiceNumber": "%s", "openAmount": 100.00, "currency": "EUR", "holdReason": "HARDSHIP", "holdEndsOn": "soon"},
                  {"invoiceNumber": "%s", "openAmount": 50.00, "currency": "EUR"}]}
                """.formatted(debtor.getCustomerId(), held.getInvoiceNumber(), TODAY.plusDays(30), bad.getInvoiceNumber(),
                silent.getInvoiceNumber()));

        transaction.executeWithoutResult(status -> erp.pull(debtor.getCustomerId()));

        assertThat(holdsOf(held)).containsExactly("HARDSHIP ERP " + TODAY.plusDays(30) + " Lost the job");
        assertThat(holdsOf(bad)).as("'soon' is not a date: refused").isEmpty();
        assertThat(holdsOf(silent)).isEmpty();

        receivables(debtor, """
                {"customerId": "%s", "invoices": [{"invoiceNumber": "%s", "openAmount": 200.00, "currency": "EUR", "holdReason": ""}]}
                """.formatted(debtor.getCustomerId(), held.getInvoiceNumber()));
        transaction.executeWithoutResult(status -> erp.pull(debtor.getCustomerId()));
        assertThat(jdbc.queryForObject("select lifted_on from hold where invoice_fk = ?", java.sql.Date.class, held.getId())
                .toLocalDate()).as("an empty reason lifts it").isEqualTo(TODAY);
    }

    private static void receivables(Customer debtor, String json) {
        ERP.stubFor(get(urlPathEqualTo("/customers/" + debtor.getCustomerId() + "/receivables")).willReturn(aResponse()
                .withStatus(200).withHeader("Content-Type", "application/json").withBody(json)));
    }

    private List<String> holdsOf(Invoice invoice) {
        return jdbc.query("select reason, source, ends_on, note from hold where invoice_fk = ? and lifted_on is null",
                (rs, row) -> rs.getString(1) + " " + rs.getString(2) + " " + rs.getString(3) + " " + rs.getString(4), invoice.getId());
    }
}
