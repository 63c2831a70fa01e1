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
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

/** With the option on, each overdue EUR invoice of a business debtor carries one 40.00 EUR compensation, once. */
@IntegrationTest
@TestPropertySource(properties = {"collection.test.context=ledger-scenarios", "collection.ledger.interest.enabled=true",
        "collection.ledger.b2b-compensation.enabled=true"})
class FlatCompensationTest extends LedgerHttp {

    @Autowired LedgerCommands commands;

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void eachOverdueBusinessInvoiceInEurosIsChargedFortyEurosOnceAndNothingElseIs() {
        businessDay(LocalDate.of(2025, 4, 1));
        imported("customers", AbstractLedgerTest.CUSTOMER_HEADER.strip() + ",debtor_kind\n"
                + "%1$sB,Jonas Weber GmbH,,,de,DE,,Hauptstr. 2,,,BUSINESS\n".formatted(p)
                + "%1$sP,Jonas Weber,,,de,DE,,Hauptstr. 3,,,CONSUMER\n".formatted(p));
        imported("contracts", "contract_id,customer_id,product_type\n%1$sKB,%1$sB,B2B_INVOICE\n%1$sKP,%1$sP,UTILITY\n"
                .formatted(p));
        imported("invoices", ("invoice_number,customer_id,contract_id,issue_date,due_date,amount,currency\n"
                + "%1$sI1,%1$sB,%1$sKB,2025-02-01,2025-03-01,1000.00,EUR\n"
                + "%1$sI2,%1$sB,%1$sKB,2025-03-01,2025-03-31,50.00,EUR\n"
                + "%1$sI3,%1$sB,%1$sKB,2025-03-01,2025-04-15,700.00,EUR\n"
                + "%1$sI4,%1$sB,%1$sKB,2025-02-01,2025-03-01,300.00,USD\n"
                + "%1$sI5,%1$sP,%1$sKP,2025-02-01,2025-03-01,80.00,EUR\n").formatted(p));

        commands.accrueInterest();
        commands.accrueInterest();

        assertThat(compensations(p + "B")).containsExactly(p + "I1 40.00 EUR", p + "I2 40.00 EUR");
        assertThat(compensations(p + "P")).as("a consumer owes none").isEmpty();

        businessDay(LocalDate.of(2025, 4, 16));
        commands.accrueInterest();
        assertThat(compensations(p + "B")).containsExactly(p + "I1 40.00 EUR", p + "I2 40.00 EUR", p + "I3 40.00 EUR");
    }

    /** "invoice amount currency" of the debtor's compensation charges. */
    private List<String> compensations(String customerId) {
        List<String> rows = new ArrayList<>();
        for (JsonNode charge : customerView(customerId).get("charges")) {
            if (charge.get("rule").asText().equals("EU late payment: flat compensation")) {
                assertThat(charge.get("kind").asText()).isEqualTo("FEE");
                assertThat(charge.get("source").asText()).isEqualTo("OURS");
                rows.add(charge.get("invoiceNumber").asText() + " " + charge.get("amount").decimalValue().setScale(2) + " "
                        + charge.get("currency").asText());
            }
        }
        return rows;
    }

    private void businessDay(LocalDate day) {
        ClockUtil.setCurrentTime(Date.from(day.atTime(9, 0).atZone(clock.zone()).toInstant()));
    }
}
