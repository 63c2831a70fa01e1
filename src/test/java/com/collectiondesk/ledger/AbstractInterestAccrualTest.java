package com.collectiondesk.ledger;

import static org.assertj.core.api.Assertions.assertThat;

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

/**
 * Late-payment interest on a hand-worked fixture, to the cent; run on H2 and on PostgreSQL by the two subclasses.
 * The shipped rules: a business debtor pays the Bundesbank base rate + 9 points (3.37 from 2024-07-01, 2.27 from
 * 2025-01-01, 1.27 from 2025-07-01, so 12.37, 11.27, 10.27 percent), ACT/365, interest from the day after the due
 * date up to the day before the business day, a payment's day free of interest on what it paid.
 */
@TestPropertySource(properties = "collection.test.context=ledger-scenarios")
abstract class AbstractInterestAccrualTest extends LedgerHttp {

    @Autowired LedgerCommands commands;

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void interestFollowsAPartialPaymentABackDatedPaymentAndTheRateChangesOnFirstJanuaryAndJuly() {
        businessDay(LocalDate.of(2025, 4, 1));
        businessDebtorWithInvoice("10000.00", "2024-11-30");
        // booked on 1 April, paid on 15 March: 4,000 of the 10,000 principal
        imported("payments", "payment_id,customer_id,invoice_number,amount,currency,paid_on\n"
                + "%1$sP1,%1$sC,%1$sI,4000.00,EUR,2025-03-15\n".formatted(p));

        assertThat(interest()).containsExactly(
                // 10000.00 * 12.37% * 31 / 365 = 105.0603
                "2024-12-01..2024-12-31 10000.00 @12.37 = 105.06",
                // 10000.00 * 11.27% * 73 / 365 = 225.4000
                "2025-01-01..2025-03-14 10000.00 @11.27 = 225.40",
                // 6000.00 * 11.27% * 17 / 365 = 31.4942
                "2025-03-15..2025-03-31 6000.00 @11.27 = 31.49");
        assertThat(balance("chargesOpen")).isEqualTo("361.95");

        businessDay(LocalDate.of(2025, 9, 1));
        assertThat(commands.accrueInterest()).as("segments the daily accrual added").isEqualTo(2);
        assertThat(interest()).containsExactly(
                "2024-12-01..2024-12-31 10000.00 @12.37 = 105.06",
                "2025-01-01..2025-03-14 10000.00 @11.27 = 225.40",
                // 6000.00 * 11.27% * 108 / 365 = 200.0811
                "2025-03-15..2025-06-30 6000.00 @11.27 = 200.08",
                // 6000.00 * 10.27% * 62 / 365 = 104.6696
                "2025-07-01..2025-08-31 6000.00 @10.27 = 104.67");
        assertThat(commands.accrueInterest()).as("the same day again adds nothing").isZero();
        assertThat(interest()).hasSize(4);

        // paid on 10 May, booked only now: the days after it are recomputed on the lower principal
        imported("payments", "payment_id,customer_id,invoice_number,amount,currency,paid_on\n"
                + "%1$sP2,%1$sC,%1$sI,1000.00,EUR,2025-05-10\n".formatted(p));
        assertThat(interest()).containsExactly(
                "2024-12-01..2024-12-31 10000.00 @12.37 = 105.06",
                "2025-01-01..2025-03-14 10000.00 @11.27 = 225.40",
                // 6000.00 * 11.27% * 56 / 365 = 103.7457
                "2025-03-15..2025-05-09 6000.00 @11.27 = 103.75",
                // 5000.00 * 11.27% * 52 / 365 = 80.2794
                "2025-05-10..2025-06-30 5000.00 @11.27 = 80.28",
                // 5000.00 * 10.27% * 62 / 365 = 87.2246
                "2025-07-01..2025-08-31 5000.00 @10.27 = 87.22");
        assertThat(balance("openAmount")).isEqualTo("5000.00");
        assertThat(balance("chargesOpen")).isEqualTo("601.71");
        assertThat(balance("totalDue")).isEqualTo("5601.71");
        JsonNode invoice = customerView(p + "C").at("/invoices/0");
        assertThat(invoice.get("amount").decimalValue()).as("interest never changes the invoice").isEqualByComparingTo("10000.00");
        assertThat(commands.accrueInterest()).isZero();
    }

    @Test
    void theErpsOwnInterestIsNotChargedAgainAndAPaidInvoiceKeepsTheInterestOfItsLateDays() {
        businessDay(LocalDate.of(2025, 4, 1));
        businessDebtorWithInvoice("1000.00", "2024-11-30");
        commands.accrueInterest();
        assertThat(interest()).hasSize(2);

        // the ERP charged December itself
        imported("charges", ErpChargesImportTest.HEADER
                + "%1$sE1,%1$sI,INTEREST,10.51,EUR,2024-12-01,2024-12-31,12.37,1000.00,ERP dunning\n".formatted(p));
        assertThat(interest()).containsExactly(
                // 1000.00 * 11.27% * 90 / 365 = 27.7890
                "2025-01-01..2025-03-31 1000.00 @11.27 = 27.79");
        JsonNode charges = customerView(p + "C").get("charges");
        assertThat(charges).hasSize(2);
        assertThat(charges.get(0).get("source").asText()).isEqualTo("ERP");

        // paid in full on 10 March: interest up to 9 March stays, nothing after
        imported("payments", "payment_id,customer_id,invoice_number,amount,currency,paid_on\n"
                + "%1$sP1,%1$sC,%1$sI,1000.00,EUR,2025-03-10\n".formatted(p));
        assertThat(interest()).containsExactly(
                // 1000.00 * 11.27% * 68 / 365 = 20.9962
                "2025-01-01..2025-03-09 1000.00 @11.27 = 21.00");
        businessDay(LocalDate.of(2025, 6, 1));
        commands.accrueInterest();
        assertThat(interest()).as("the scan leaves the paid invoice's interest as it is").hasSize(1);
        assertThat(balance("totalDue")).isEqualTo("31.51");
    }

    @Test
    void aConsumerPaysFivePointsOverTheReferenceRate() {
        businessDay(LocalDate.of(2025, 2, 1));
        imported("customers", AbstractLedgerTest.CUSTOMER_HEADER.strip() + ",debtor_kind\n"
                + "%1$sC,Ivana Petrova,,,bg,BG,,Vitosha 1,,,consumer\n".formatted(p));
        imported("invoices", "invoice_number,customer_id,contract_id,issue_date,due_date,amount,currency\n"
                + "%1$sI,%1$sC,,2024-12-01,2024-12-31,500.00,EUR\n".formatted(p));
        commands.accrueInterest();
        // 500.00 * (2.27 + 5)% * 31 / 365 = 3.0873
        assertThat(interest()).containsExactly("2025-01-01..2025-01-31 500.00 @7.27 = 3.09");
        assertThat(customerView(p + "C").get("debtorKind").asText()).isEqualTo("CONSUMER");
    }

    private void businessDebtorWithInvoice(String amount, String dueDate) {
        imported("customers", AbstractLedgerTest.CUSTOMER_HEADER.strip() + ",debtor_kind\n"
                + "%1$sC,Jonas Weber GmbH,,,de,DE,,Hauptstr. 2,,,BUSINESS\n".formatted(p));
        imported("contracts", "contract_id,customer_id,product_type\n%1$sK,%1$sC,B2B_INVOICE\n".formatted(p));
        imported("invoices", "invoice_number,customer_id,contract_id,issue_date,due_date,amount,currency\n"
                + "%1$sI,%1$sC,%1$sK,2024-11-01,%2$s,%3$s,EUR\n".formatted(p, dueDate, amount));
    }

    private void businessDay(LocalDate day) {
        ClockUtil.setCurrentTime(Date.from(day.atTime(9, 0).atZone(clock.zone()).toInstant()));
    }

    /** Our interest on the debtor's invoice: "from..to basis @rate = amount". */
    private List<String> interest() {
        List<String> rows = new ArrayList<>();
        for (JsonNode charge : customerView(p + "C").get("charges")) {
            if (charge.get("source").asText().equals("OURS")) {
                assertThat(charge.get("kind").asText()).isEqualTo("INTEREST");
                assertThat(charge.get("dayCount").asText()).isEqualTo("ACT/365");
                rows.add(charge.get("periodFrom").asText() + ".." + charge.get("periodTo").asText() + " "
                        + cents(charge.get("basis")) + " @" + charge.get("rate").decimalValue().stripTrailingZeros().toPlainString()
                        + " = " + cents(charge.get("amount")));
            }
        }
        return rows;
    }

    private String balance(String field) {
        return cents(customerView(p + "C").at("/balances/0/" + field));
    }

    private static String cents(JsonNode amount) {
        return amount.decimalValue().setScale(2, java.math.RoundingMode.UNNECESSARY).toPlainString();
    }
}
