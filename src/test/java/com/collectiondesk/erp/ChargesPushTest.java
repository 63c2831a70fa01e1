package com.collectiondesk.erp;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.collectiondesk.ledger.Contract;
import com.collectiondesk.ledger.Customer;
import com.collectiondesk.ledger.Invoice;
import com.collectiondesk.ledger.LedgerCommands;
import com.collectiondesk.ledger.RecordKind;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The ERP books the charges the service made (a fee here; interest segments alike), each once; never its own back. */
class ChargesPushTest extends ErpWireMockTestBase {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired ErpChargePush push;
    @Autowired LedgerCommands commands;

    @Test
    void ourFeeIsPushedOnceByItsKeyAndTheErpsOwnChargeNever() throws Exception {
        Customer debtor = ledger.customer(500);
        Contract loan = ledger.contract(debtor, "CONSUMER_LOAN");
        Invoice invoice = ledger.invoice(debtor, loan, "200.00", TODAY.minusDays(20));
        String key = "fee:push-test-" + invoice.getId();
        commands.chargeFee(key, List.of(invoice.getId()), new BigDecimal("5.00"), "EUR", "step 2: LETTER day 10");
        commands.record(RecordKind.CHARGES, Map.of("charge_id", "ERP-" + invoice.getId(), "invoice_number",
                invoice.getInvoiceNumber(), "kind", "FEE", "amount", "7.50", "currency", "EUR"));

        push.pushNew();
        push.pushNew();

        List<LoggedRequest> pushed = ERP.findAll(postRequestedFor(urlPathEqualTo(CHARGES)));
        List<JsonNode> ours = pushed.stream().map(ChargesPushTest::body)
                .filter(body -> body.get("invoiceNumber").asText().equals(invoice.getInvoiceNumber())).toList();
        assertThat(ours).as("once, and not the ERP's own 7.50").singleElement().satisfies(body -> {
            assertThat(body.get("chargeKey").asText()).isEqualTo(key);
            assertThat(body.get("kind").asText()).isEqualTo("FEE");
            assertThat(body.get("amount").decimalValue()).isEqualByComparingTo("5.00");
            assertThat(body.get("currency").asText()).isEqualTo("EUR");
            assertThat(body.get("customerId").asText()).isEqualTo(debtor.getCustomerId());
            assertThat(body.get("rule").asText()).isEqualTo("step 2: LETTER day 10");
        });
        assertThat(pushed).filteredOn(request -> body(request).get("chargeKey").asText().equals(key)).singleElement()
                .satisfies(request -> assertThat(request.getHeader("Idempotency-Key")).isEqualTo(key + ":5.00"));
    }

    @Test
    void anErpFailureIsThrownSoTheJobRetriesAndNothingCountsAsBooked() {
        Customer debtor = ledger.customer(500);
        Invoice invoice = ledger.invoice(debtor, ledger.contract(debtor, "CONSUMER_LOAN"), "90.00", TODAY.minusDays(20));
        String key = "fee:push-failure-" + invoice.getId();
        commands.chargeFee(key, List.of(invoice.getId()), new BigDecimal("3.00"), "EUR", "step 1: SMS day 0");
        ERP.stubFor(post(urlPathEqualTo(CHARGES)).willReturn(aResponse().withStatus(503)));

        assertThatThrownBy(() -> push.pushNew()).hasMessageContaining("503");

        ERP.stubFor(post(urlPathEqualTo(CHARGES)).willReturn(aResponse().withStatus(202)));
        ERP.resetRequests();
        push.pushNew();
        assertThat(ERP.findAll(postRequestedFor(urlPathEqualTo(CHARGES)))).extracting(request -> body(request).get("chargeKey").asText())
                .contains(key);
    }

    private static JsonNode body(LoggedRequest request) {
        try {
            return JSON.readTree(request.getBodyAsString());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
