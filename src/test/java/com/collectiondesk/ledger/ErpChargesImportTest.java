package com.collectiondesk.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import com.collectiondesk.support.IntegrationTest;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/** The ERP's own interest and fees through the CSV import: stored as charges beside the invoice, never in its amount. */
@IntegrationTest
@TestPropertySource(properties = {"collection.test.context=ledger-scenarios", "collection.ledger.interest.enabled=true"})
class ErpChargesImportTest extends LedgerHttp {

    static final String HEADER = "charge_id,invoice_number,kind,amount,currency,period_from,period_to,rate,basis,rule\n";

    /** Not overdue: no interest of ours beside the ERP's charges. */
    private LocalDate notDueYet() {
        return today().plusDays(30);
    }

    @Test
    void theErpsChargesShowOnTheDebtorAndCountInTheTotalDueButNotInTheInvoice() {
        twoCustomersWithContracts();
        imported("invoices", """
                invoice_number,customer_id,contract_id,issue_date,due_date,amount,currency
                %1$sI1,%1$sC1,%1$sK1,%2$s,%3$s,1000.00,EUR
                """.formatted(p, today().minusDays(30), notDueYet()));

        JsonNode answer = imported("charges", HEADER + """
                %1$sX1,%1$sI1,INTEREST,12.34,EUR,2025-02-01,2025-03-31,7.62,1000.00,BGB 288
                %1$sX2,%1$sI1,fee,5,EUR,,,,,Reminder 1
                """.formatted(p));

        assertThat(answer.get("accepted").asInt()).isEqualTo(2);
        assertThat(answer.get("rejected")).isEmpty();
        JsonNode debtor = customerView(p + "C1");
        JsonNode invoice = debtor.at("/invoices/0");
        assertThat(invoice.get("amount").decimalValue()).isEqualByComparingTo("1000.00");
        assertThat(invoice.get("openAmount").decimalValue()).isEqualByComparingTo("1000.00");
        assertThat(invoice.get("chargesOpen").decimalValue()).isEqualByComparingTo("17.34");
        assertThat(invoice.get("totalDue").decimalValue()).isEqualByComparingTo("1017.34");
        assertThat(debtor.at("/balances/0/openAmount").decimalValue()).isEqualByComparingTo("1000.00");
        assertThat(debtor.at("/balances/0/chargesOpen").decimalValue()).isEqualByComparingTo("17.34");
        assertThat(debtor.at("/balances/0/totalDue").decimalValue()).isEqualByComparingTo("1017.34");
        JsonNode interest = debtor.at("/charges/0");
        assertThat(interest.get("invoiceNumber").asText()).isEqualTo(p + "I1");
        assertThat(interest.get("kind").asText()).isEqualTo("INTEREST");
        assertThat(interest.get("source").asText()).isEqualTo("ERP");
        assertThat(interest.get("rule").asText()).isEqualTo("BGB 288");
        assertThat(interest.get("rate").decimalValue()).isEqualByComparingTo("7.62");
        assertThat(interest.get("basis").decimalValue()).isEqualByComparingTo("1000.00");
        assertThat(interest.get("periodFrom").asText()).isEqualTo("2025-02-01");
        assertThat(interest.get("periodTo").asText()).isEqualTo("2025-03-31");
        JsonNode fee = debtor.at("/charges/1");
        assertThat(fee.get("kind").asText()).isEqualTo("FEE");
        assertThat(fee.get("amount").decimalValue()).isEqualByComparingTo("5.00");
        assertThat(fee.get("periodFrom").isNull()).isTrue();
    }

    @Test
    void theSameChargesAgainChangeNothingAndAChangedAmountReplacesTheOldOne() {
        twoCustomersWithContracts();
        imported("invoices", """
                invoice_number,customer_id,contract_id,issue_date,due_date,amount,currency
                %1$sI1,%1$sC1,%1$sK1,%2$s,%3$s,1000.00,EUR
                """.formatted(p, today().minusDays(30), notDueYet()));
        String charges = HEADER + "%1$sX1,%1$sI1,INTEREST,12.34,EUR,2025-02-01,2025-03-31,7.62,1000.00,\n".formatted(p);
        imported("charges", charges);

        JsonNode again = imported("charges", charges);
        assertThat(again.get("unchanged").asInt()).isEqualTo(1);
        assertThat(again.get("accepted").asInt()).isZero();

        imported("charges", charges.replace("12.34", "13.00"));
        JsonNode debtor = customerView(p + "C1");
        assertThat(debtor.get("charges")).hasSize(1);
        assertThat(debtor.at("/charges/0/amount").decimalValue()).isEqualByComparingTo("13.00");
        assertThat(debtor.at("/charges/0/rule").asText()).isEqualTo("ERP");
        assertThat(debtor.at("/balances/0/totalDue").decimalValue()).isEqualByComparingTo("1013.00");
    }

    @Test
    void badChargesAreRefusedRowByRowNamingTheFieldAndNoneIsStored() {
        twoCustomersWithContracts();
        imported("invoices", """
                invoice_number,customer_id,contract_id,issue_date,due_date,amount,currency
                %1$sI1,%1$sC1,%1$sK1,%2$s,%3$s,1000.00,EUR
                """.formatted(p, today().minusDays(30), notDueYet()));

        JsonNode answer = imported("charges", HEADER + """
                %1$sX1,%1$sNOPE,FEE,5.00,EUR,,,,,
                %1$sX2,%1$sI1,FEE,5.00,USD,,,,,
                %1$sX3,%1$sI1,PENALTY,5.00,EUR,,,,,
                %1$sX4,%1$sI1,INTEREST,5.00,EUR,,,,,
                %1$sX5,%1$sI1,INTEREST,5.00,EUR,2025-03-01,2025-02-01,,,
                %1$sX6,%1$sI1,INTEREST,5.00,EUR,2025-02-01,2025-03-01,250,,
                %1$sX7,%1$sI1,FEE,-5.00,EUR,,,,,
                %1$sX8,%1$sI1,FEE,5.00,EUR,2025-02-01,,,,
                """.formatted(p));

        assertThat(rejections(answer)).containsExactly("2:invoice_number", "3:currency", "4:kind", "5:period_from",
                "5:period_to", "6:period_to", "7:rate", "8:amount", "9:period_to");
        assertThat(answer.at("/rejected/0/message").asText()).isEqualTo("no invoice '" + p + "NOPE'");
        assertThat(answer.at("/rejected/1/message").asText()).isEqualTo("charge in USD but invoice '" + p + "I1' is in EUR");
        assertThat(answer.at("/rejected/2/message").asText()).isEqualTo("'PENALTY' is not one of INTEREST, FEE");
        assertThat(answer.at("/rejected/3/message").asText()).isEqualTo("is required");
        assertThat(answer.at("/rejected/6/message").asText()).isEqualTo("must be at most 100 (percent a year)");
        assertThat(answer.get("accepted").asInt()).isZero();
        JsonNode debtor = customerView(p + "C1");
        assertThat(debtor.get("charges")).isEmpty();
        assertThat(debtor.at("/balances/0/totalDue").decimalValue()).isEqualByComparingTo("1000.00");
    }

    @Test
    void anImportForAnUnknownKindNamesTheChargesAmongTheKinds() {
        assertThat(importCsv("penalties", HEADER).getBody().get("detail").asText())
                .isEqualTo("No import for 'penalties'; use customers, contracts, invoices, payments or charges");
    }
}
