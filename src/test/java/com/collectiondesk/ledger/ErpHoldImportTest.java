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
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

/**
 * The ERP's holds through the invoice import (module hold): refused per row naming the field, the other rows kept, a
 * hold on the invoice, the same row again changes nothing, a blank reason lifts it; hardship freezes the interest.
 * The interest fixture's rules (a business debtor at base rate + 9 points: 12.37 to 2024, 11.27 in 2025-H1), with the
 * flat B2B compensation on as in {@link FlatCompensationTest} (one context for both).
 */
@IntegrationTest
@TestPropertySource(properties = {"collection.test.context=ledger-scenarios", "collection.ledger.interest.enabled=true",
        "collection.ledger.b2b-compensation.enabled=true"})
class ErpHoldImportTest extends LedgerHttp {

    private static final String HEADER = "invoice_number,customer_id,contract_id,issue_date,due_date,amount,currency,"
            + "hold_reason,hold_ends_on,hold_note\n";

    @Autowired LedgerCommands commands;
    @Autowired JdbcTemplate jdbc;

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void badHoldValuesAreRefusedPerRowNamingTheFieldAndTheOtherRowsKeepTheirHold() {
        businessDay(LocalDate.of(2025, 2, 1));
        businessDebtor();

        JsonNode answer = imported("invoices", HEADER + ("%1$sI,%1$sC,%1$sK,2024-11-01,2024-11-30,10000.00,EUR,hardship,2025-03-01,Lost the biggest client\n"
                + "%1$sI2,%1$sC,%1$sK,2024-11-01,2024-11-30,500.00,EUR,BROKE,,\n"
                + "%1$sI3,%1$sC,%1$sK,2024-11-01,2024-11-30,500.00,EUR,COMPLAINT,2025-02-01,\n"
                + "%1$sI4,%1$sC,%1$sK,2024-11-01,2024-11-30,500.00,EUR,,,a note without a reason\n"
                + "%1$sI5,%1$sC,%1$sK,2024-11-01,2024-11-30,500.00,EUR,,,\n").formatted(p));

        assertThat(answer.get("accepted").asInt()).as(answer.toString()).isEqualTo(2);
        assertThat(rejections(answer)).containsExactly("3:hold_reason", "4:hold_ends_on", "5:hold_reason");
        assertThat(answer.at("/rejected/0/message").asText()).contains("'BROKE' is not one of INSOLVENCY, DECEASED");
        assertThat(answer.at("/rejected/1/message").asText()).contains("is not after today (2025-02-01)");
        assertThat(jdbc.queryForObject("select count(*) from invoice where invoice_number in (?, ?, ?)", Integer.class,
                p + "I2", p + "I3", p + "I4")).as("nothing stored of a refused row").isZero();
        assertThat(holdsOf(p + "I")).containsExactly("HARDSHIP ERP 2025-02-01..2025-03-01 lifted:null Lost the biggest client");
        assertThat(holdsOf(p + "I5")).as("a blank reason: no hold").isEmpty();

        JsonNode again = imported("invoices", HEADER
                + "%1$sI,%1$sC,%1$sK,2024-11-01,2024-11-30,10000.00,EUR,HARDSHIP,2025-03-01,Lost the biggest client\n".formatted(p));
        assertThat(again.get("unchanged").asInt()).isEqualTo(1);
        assertThat(holdsOf(p + "I")).hasSize(1);
    }

    @Test
    void hardshipFreezesTheInterestFromTheHoldsFirstDayToTheDayBeforeItEnds() {
        businessDay(LocalDate.of(2025, 2, 1));
        businessDebtor();
        imported("invoices", HEADER
                + "%1$sI,%1$sC,%1$sK,2024-11-01,2024-11-30,10000.00,EUR,HARDSHIP,2025-03-01,\n".formatted(p));

        businessDay(LocalDate.of(2025, 4, 1));
        commands.accrueInterest();

        assertThat(interest()).containsExactly(
                // 10000.00 * 12.37% * 31 / 365 = 105.0603
                "2024-12-01..2024-12-31 10000.00 @12.37 = 105.06",
                // 10000.00 * 11.27% * 31 / 365 = 95.7178
                "2025-01-01..2025-01-31 10000.00 @11.27 = 95.72",
                // February on hold for hardship: none; from the end date on: 31 days again
                "2025-03-01..2025-03-31 10000.00 @11.27 = 95.72");
    }

    @Test
    void aBlankReasonLiftsTheErpsOpenEndedHoldAndInterestRunsAgainFromThatDay() {
        businessDay(LocalDate.of(2025, 2, 1));
        businessDebtor();
        imported("invoices", HEADER + "%1$sI,%1$sC,%1$sK,2024-11-01,2024-11-30,10000.00,EUR,INSOLVENCY,,\n".formatted(p));
        assertThat(holdsOf(p + "I")).containsExactly("INSOLVENCY ERP 2025-02-01..null lifted:null null");

        businessDay(LocalDate.of(2025, 3, 1));
        imported("invoices", HEADER + "%1$sI,%1$sC,%1$sK,2024-11-01,2024-11-30,10000.00,EUR,,,\n".formatted(p));
        assertThat(holdsOf(p + "I")).containsExactly("INSOLVENCY ERP 2025-02-01..null lifted:2025-03-01 null");

        businessDay(LocalDate.of(2025, 4, 1));
        commands.accrueInterest();
        assertThat(interest()).containsExactly(
                "2024-12-01..2024-12-31 10000.00 @12.37 = 105.06",
                "2025-01-01..2025-01-31 10000.00 @11.27 = 95.72",
                "2025-03-01..2025-03-31 10000.00 @11.27 = 95.72");
    }

    private void businessDebtor() {
        imported("customers", AbstractLedgerTest.CUSTOMER_HEADER.strip() + ",debtor_kind\n"
                + "%1$sC,Jonas Weber GmbH,,,de,DE,,Hauptstr. 2,,,BUSINESS\n".formatted(p));
        imported("contracts", "contract_id,customer_id,product_type\n%1$sK,%1$sC,B2B_INVOICE\n".formatted(p));
    }

    /** "REASON SOURCE from..to lifted:day note" of the holds on the invoice. */
    private List<String> holdsOf(String invoiceNumber) {
        return jdbc.query("select h.* from hold h join invoice i on i.id = h.invoice_fk where i.invoice_number = ? order by h.id",
                (rs, row) -> rs.getString("reason") + " " + rs.getString("source") + " " + rs.getString("starts_on") + ".."
                        + rs.getString("ends_on") + " lifted:" + rs.getString("lifted_on") + " " + rs.getString("note"),
                invoiceNumber);
    }

    private void businessDay(LocalDate day) {
        ClockUtil.setCurrentTime(Date.from(day.atTime(9, 0).atZone(clock.zone()).toInstant()));
    }

    /** Our interest on the debtor's invoice: "from..to basis @rate = amount". */
    private List<String> interest() {
        List<String> rows = new ArrayList<>();
        for (JsonNode charge : customerView(p + "C").get("charges")) {
            if (charge.get("source").asText().equals("OURS") && charge.get("kind").asText().equals("INTEREST")) {
                rows.add(charge.get("periodFrom").asText() + ".." + charge.get("periodTo").asText() + " "
                        + charge.get("basis").decimalValue().setScale(2) + " @"
                        + charge.get("rate").decimalValue().stripTrailingZeros().toPlainString() + " = "
                        + charge.get("amount").decimalValue().setScale(2));
            }
        }
        return rows;
    }
}
