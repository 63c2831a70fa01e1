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
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

/**
 * Late-payment interest on a hand-worked fixture, to the cent; run on H2 and on PostgreSQL by the two subclasses.
 * The shipped rules: a business debtor pays the Bundesbank base rate + 9 points (3.37 from 2024-07-01, 2.27 from
 * 2025-01-01, 1.27 from 2025-07-01, so 12.37, 11.27, 10.27 percent), ACT/365, interest from the day after the due
 * date up to the day before the business day, a payment's day free of interest on what it paid. Payments settle
 * interest before principal (the shipped order, BGB §367): the interest of the days before the payment's day.
 */
@TestPropertySource(properties = {"collection.test.context=ledger-scenarios", "collection.ledger.interest.enabled=true"})
abstract class AbstractInterestAccrualTest extends LedgerHttp {

    @Autowired LedgerCommands commands;
    @Autowired JdbcTemplate jdbc;

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
                // the payment took the interest before 15 March first (105.06 + 225.40 = 330.46), 3669.54 principal:
                // 6330.46 * 11.27% * 17 / 365 = 33.2288
                "2025-03-15..2025-03-31 6330.46 @11.27 = 33.23");
        assertThat(allocations(0)).containsExactly("INTEREST 330.46", "PRINCIPAL 3669.54");
        assertThat(balance("chargesOpen")).isEqualTo("33.23");

        businessDay(LocalDate.of(2025, 9, 1));
        assertThat(commands.accrueInterest()).as("segments the daily accrual added (all tests' debtors)").isPositive();
        assertThat(interest()).containsExactly(
                "2024-12-01..2024-12-31 10000.00 @12.37 = 105.06",
                "2025-01-01..2025-03-14 10000.00 @11.27 = 225.40",
                // 6330.46 * 11.27% * 108 / 365 = 211.1009
                "2025-03-15..2025-06-30 6330.46 @11.27 = 211.10",
                // 6330.46 * 10.27% * 62 / 365 = 110.4344
                "2025-07-01..2025-08-31 6330.46 @10.27 = 110.43");
        assertThat(commands.accrueInterest()).as("the same day again adds nothing").isZero();
        assertThat(interest()).hasSize(4);

        // paid on 10 May, booked only now: the days after it are recomputed on the lower principal
        imported("payments", "payment_id,customer_id,invoice_number,amount,currency,paid_on\n"
                + "%1$sP2,%1$sC,%1$sI,1000.00,EUR,2025-05-10\n".formatted(p));
        assertThat(interest()).containsExactly(
                "2024-12-01..2024-12-31 10000.00 @12.37 = 105.06",
                "2025-01-01..2025-03-14 10000.00 @11.27 = 225.40",
                // 6330.46 * 11.27% * 56 / 365 = 109.4597: what the payment of 10 May settled first
                "2025-03-15..2025-05-09 6330.46 @11.27 = 109.46",
                // 6330.46 - (1000.00 - 109.46) = 5439.92; * 11.27% * 52 / 365 = 87.3428
                "2025-05-10..2025-06-30 5439.92 @11.27 = 87.34",
                // 5439.92 * 10.27% * 62 / 365 = 94.8990
                "2025-07-01..2025-08-31 5439.92 @10.27 = 94.90");
        assertThat(allocations(0)).containsExactly("INTEREST 109.46", "PRINCIPAL 890.54");
        assertThat(balance("openAmount")).isEqualTo("5439.92");
        assertThat(balance("chargesOpen")).as("87.34 + 94.90").isEqualTo("182.24");
        assertThat(balance("totalDue")).isEqualTo("5622.16");
        JsonNode invoice = customerView(p + "C").at("/invoices/0");
        assertThat(invoice.get("amount").decimalValue()).as("interest never changes the invoice").isEqualByComparingTo("10000.00");
        assertThat(commands.accrueInterest()).isZero();
    }

    @Test
    void theErpsOwnInterestIsNotChargedAgainAndIsSettledBeforePrincipalLikeOurs() {
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

        // 1000.00 paid on 10 March settles the ERP's 10.51 and our interest up to 9 March first
        imported("payments", "payment_id,customer_id,invoice_number,amount,currency,paid_on\n"
                + "%1$sP1,%1$sC,%1$sI,1000.00,EUR,2025-03-10\n".formatted(p));
        assertThat(allocations(0)).containsExactly("INTEREST 31.51", "PRINCIPAL 968.49");
        assertThat(interest()).containsExactly(
                // 1000.00 * 11.27% * 68 / 365 = 20.9962
                "2025-01-01..2025-03-09 1000.00 @11.27 = 21.00",
                // 31.51 * 11.27% * 22 / 365 = 0.2140
                "2025-03-10..2025-03-31 31.51 @11.27 = 0.21");
        businessDay(LocalDate.of(2025, 6, 1));
        commands.accrueInterest();
        assertThat(interest()).containsExactly(
                "2025-01-01..2025-03-09 1000.00 @11.27 = 21.00",
                // 31.51 * 11.27% * 83 / 365 = 0.8075
                "2025-03-10..2025-05-31 31.51 @11.27 = 0.81");
        assertThat(balance("totalDue")).isEqualTo("32.32");
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

    @Test
    void aSecondRunOnAnUnchangedLedgerWritesNothingTheNextDayOnlyTheRunningSegmentAndABackDatedPaymentRecomputesToTheCent() {
        businessDay(LocalDate.of(2025, 9, 1));
        businessDebtorWithInvoice("10000.00", "2024-11-30");
        commands.accrueInterest();
        assertThat(interest()).containsExactly(
                "2024-12-01..2024-12-31 10000.00 @12.37 = 105.06",
                // 10000.00 * 11.27% * 181 / 365 = 558.8658
                "2025-01-01..2025-06-30 10000.00 @11.27 = 558.87",
                // 10000.00 * 10.27% * 62 / 365 = 174.4493
                "2025-07-01..2025-08-31 10000.00 @10.27 = 174.45");
        List<String> stored = storedRows();
        assertThat(commands.accrueInterest()).as("rows the same day's second run wrote (all tests' debtors)").isZero();
        assertThat(storedRows()).as("every row as it was: none deleted and written again").isEqualTo(stored);

        // paid on 10 February, booked only now: it settles the interest before its day first (105.06 + 123.51)
        imported("payments", "payment_id,customer_id,invoice_number,amount,currency,paid_on\n"
                + "%1$sP1,%1$sC,%1$sI,2000.00,EUR,2025-02-10\n".formatted(p));
        assertThat(allocations(0)).containsExactly("INTEREST 228.57", "PRINCIPAL 1771.43");
        assertThat(interest()).containsExactly(
                "2024-12-01..2024-12-31 10000.00 @12.37 = 105.06",
                // 10000.00 * 11.27% * 40 / 365 = 123.5068
                "2025-01-01..2025-02-09 10000.00 @11.27 = 123.51",
                // 8228.57 * 11.27% * 141 / 365 = 358.2405
                "2025-02-10..2025-06-30 8228.57 @11.27 = 358.24",
                // 8228.57 * 10.27% * 62 / 365 = 143.5461
                "2025-07-01..2025-08-31 8228.57 @10.27 = 143.55");
        assertThat(commands.accrueInterest()).as("the payment's recomputation left nothing to do").isZero();

        List<String> beforeNextDay = storedRows();
        businessDay(LocalDate.of(2025, 9, 2));
        commands.accrueInterest();
        assertThat(interest()).containsExactly(
                "2024-12-01..2024-12-31 10000.00 @12.37 = 105.06",
                "2025-01-01..2025-02-09 10000.00 @11.27 = 123.51",
                "2025-02-10..2025-06-30 8228.57 @11.27 = 358.24",
                // 8228.57 * 10.27% * 63 / 365 = 145.8614
                "2025-07-01..2025-09-01 8228.57 @10.27 = 145.86");
        assertThat(storedRows()).as("the next day rewrites only the running segment")
                .containsAll(beforeNextDay.subList(0, 3)).doesNotContain(beforeNextDay.get(3)).hasSize(4);
    }

    /** Our interest rows of the debtor's invoice as stored, with their row id and creation time. */
    private List<String> storedRows() {
        return jdbc.queryForList("select l.id, l.charge_key, l.period_to, l.basis, l.amount, l.created_at from ledger_charge l"
                        + " join invoice i on i.id = l.invoice_fk where i.invoice_number = ? and l.source = 'OURS'"
                        + " order by l.period_from", p + "I").stream().map(Object::toString).toList();
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

    /** The newest payment's allocation: "PART amount" in the order it settled them. */
    private List<String> allocations(int payment) {
        List<String> rows = new ArrayList<>();
        customerView(p + "C").at("/payments/" + payment + "/allocations")
                .forEach(a -> rows.add(a.get("part").asText() + " " + cents(a.get("amount"))));
        return rows;
    }

    private String balance(String field) {
        return cents(customerView(p + "C").at("/balances/0/" + field));
    }

    private static String cents(JsonNode amount) {
        return amount.decimalValue().setScale(2, java.math.RoundingMode.UNNECESSARY).toPlainString();
    }
}
