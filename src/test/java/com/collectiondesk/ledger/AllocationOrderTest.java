package com.collectiondesk.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import com.collectiondesk.support.IntegrationTest;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/**
 * The shipped allocation order (BGB §367): a payment settles costs, then interest, then principal, the referenced
 * invoice first, each part oldest invoice first; the payment's allocation on the debtor's history names each part.
 */
@IntegrationTest
@TestPropertySource(properties = {"collection.test.context=ledger-scenarios", "collection.ledger.interest.enabled=true"})
class AllocationOrderTest extends LedgerHttp {

    static final String PAYMENTS = "payment_id,customer_id,invoice_number,amount,currency,paid_on\n";

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void onePaymentSettlesTheFeeThenTheInterestThenPartOfThePrincipal() {
        businessDay(LocalDate.of(2025, 4, 1));
        businessDebtorWithInvoices("2024-11-30");
        imported("charges", ErpChargesImportTest.HEADER + "%1$sF1,%1$sI1,FEE,5.00,EUR,,,,,Reminder 1\n".formatted(p));
        // interest before 1 April: 1000.00 * 12.37% * 31 / 365 = 10.51 (December), 1000.00 * 11.27% * 90 / 365 = 27.79
        assertThat(balance("chargesOpen")).isEqualTo("43.30");

        imported("payments", PAYMENTS + "%1$sP1,%1$sC,,100.00,EUR,2025-04-01\n".formatted(p));

        JsonNode debtor = customerView(p + "C");
        assertThat(allocations(debtor.at("/payments/0/allocations"))).containsExactly(
                p + "I1 FEE 5.00", p + "I1 INTEREST 38.30", p + "I1 PRINCIPAL 56.70");
        assertThat(debtor.at("/invoices/0/openAmount").decimalValue()).isEqualByComparingTo("943.30");
        assertThat(balance("chargesOpen")).isEqualTo("0.00");
        assertThat(balance("totalDue")).isEqualTo("943.30");
        JsonNode overview = as(COLLECTOR).getForObject("/api/customers/" + p + "C/overview", JsonNode.class);
        assertThat(allocations(overview.at("/customer/payments/0/allocations")))
                .as("the debtor overview shows the same history").containsExactly(
                        p + "I1 FEE 5.00", p + "I1 INTEREST 38.30", p + "I1 PRINCIPAL 56.70");
    }

    @Test
    void aReferencedInvoiceIsSettledWholeFirstThenTheOthersCostsInterestAndPrincipalOldestFirst() {
        businessDay(LocalDate.of(2025, 4, 1));
        businessDebtorWithInvoices("2024-11-30", "2024-12-31");
        imported("charges", ErpChargesImportTest.HEADER + """
                %1$sF1,%1$sI1,FEE,5.00,EUR,,,,,Reminder 1
                %1$sF2,%1$sI2,FEE,7.00,EUR,,,,,Reminder 1
                """.formatted(p));
        // I2 (due 31 Dec) before 1 April: 1000.00 * 11.27% * 90 / 365 = 27.79; I1 as above: 10.51 + 27.79
        imported("payments", PAYMENTS + "%1$sP1,%1$sC,%1$sI2,1100.00,EUR,2025-04-01\n".formatted(p));

        assertThat(allocations(customerView(p + "C").at("/payments/0/allocations"))).containsExactly(
                p + "I1 FEE 5.00", p + "I2 FEE 7.00", p + "I1 INTEREST 38.30", p + "I2 INTEREST 27.79",
                p + "I1 PRINCIPAL 21.91", p + "I2 PRINCIPAL 1000.00");
        // 1100.00 - (7.00 + 27.79 + 1000.00) on I2 = 65.21 left for I1: 5.00 fee, 38.30 interest, 21.91 principal
        assertThat(customerView(p + "C").at("/invoices/0/openAmount").decimalValue()).isEqualByComparingTo("978.09");
    }

    private void businessDebtorWithInvoices(String... dueDates) {
        imported("customers", AbstractLedgerTest.CUSTOMER_HEADER.strip() + ",debtor_kind\n"
                + "%1$sC,Jonas Weber GmbH,,,de,DE,,Hauptstr. 2,,,BUSINESS\n".formatted(p));
        imported("contracts", "contract_id,customer_id,product_type\n%1$sK,%1$sC,B2B_INVOICE\n".formatted(p));
        StringBuilder invoices = new StringBuilder("invoice_number,customer_id,contract_id,issue_date,due_date,amount,currency\n");
        for (int i = 0; i < dueDates.length; i++) {
            invoices.append("%1$sI%2$d,%1$sC,%1$sK,2024-11-01,%3$s,1000.00,EUR\n".formatted(p, i + 1, dueDates[i]));
        }
        imported("invoices", invoices.toString());
    }

    private void businessDay(LocalDate day) {
        ClockUtil.setCurrentTime(Date.from(day.atTime(9, 0).atZone(clock.zone()).toInstant()));
    }

    private static List<String> allocations(JsonNode allocations) {
        List<String> rows = new ArrayList<>();
        allocations.forEach(a -> rows.add(a.get("invoiceNumber").asText() + " " + a.get("part").asText() + " "
                + a.get("amount").decimalValue().setScale(2, java.math.RoundingMode.UNNECESSARY).toPlainString()));
        return rows;
    }

    private String balance(String field) {
        return customerView(p + "C").at("/balances/0/" + field).decimalValue().setScale(2, java.math.RoundingMode.UNNECESSARY)
                .toPlainString();
    }
}
