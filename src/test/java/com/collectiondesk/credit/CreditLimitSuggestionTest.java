package com.collectiondesk.credit;

import static org.assertj.core.api.Assertions.assertThat;

import com.collectiondesk.erp.ErpWireMockTestBase;
import com.collectiondesk.ledger.Contract;
import com.collectiondesk.ledger.Customer;
import com.collectiondesk.support.TestUsers;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The suggested limit on a fixture worked out by hand (README, "Credit limits from the score", default parameters):
 * max(exposure, invoiced in 12 months / 12 × 2) × the band's factor, rounded down to 100, at most 1,000,000.
 */
class CreditLimitSuggestionTest extends ErpWireMockTestBase {

    @Autowired CreditLimitSuggestions suggestions;
    @Autowired JdbcTemplate jdbc;
    @Autowired TestRestTemplate http;
    @Autowired org.camunda.bpm.engine.IdentityService identity;

    private CreditFixture credit;

    @BeforeEach
    void fixture() {
        credit = new CreditFixture(ledger, jdbc);
        credit.forget();
    }

    @AfterEach
    void forget() {
        credit.forget();
    }

    @Test
    void theSuggestionOfEachBandOnAHandWorkedFixture() {
        // LOW: 4,000 + 5,000 paid, 1,500 open (and 900 USD, 2,000 issued 13 months ago: neither counts)
        Customer low = ledger.customer(null);
        Contract loan = ledger.contract(low, "CONSUMER_LOAN");
        ledger.invoice(low, loan, "4000.00", TODAY.minusDays(300));
        ledger.invoice(low, loan, "5000.00", TODAY.minusDays(100));
        ledger.pay(low, "9000.00", TODAY.minusDays(90));
        ledger.invoice(low, loan, "1500.00", TODAY.plusDays(10));
        ledger.invoice(low, loan, "900.00", TODAY.plusDays(10), "USD");
        Customer old = ledger.customer(null);
        Contract oldLoan = ledger.contract(old, "CONSUMER_LOAN");
        ledger.invoice(old, oldLoan, "2000.00", TODAY.minusDays(380));
        ledger.pay(old, "2000.00", TODAY.minusDays(370));
        ledger.invoice(old, oldLoan, "3000.00", TODAY.plusDays(5));
        Customer veryHigh = credit.customer(null, "6000.00", TODAY);
        credit.score(low, 120, TODAY);
        credit.score(old, 600, TODAY);
        credit.score(veryHigh, 750, TODAY);

        assertThat(suggestions.recompute(TODAY)).isEqualTo(3);

        // invoiced 10,500 → 10,500 / 12 × 2 = 1,750 over exposure 1,500; LOW × 1.5 = 2,625 → 2,600
        assertThat(row(low)).containsEntry("score_band", "LOW").containsEntry("invoiced_12m", amount("10500.00"))
                .containsEntry("exposure", amount("1500.00")).containsEntry("reference_amount", amount("1750.00"))
                .containsEntry("suggested_limit", amount("2600.00"));
        // invoiced 3,000 (the 2,000 issued before the 12 months) → 500 under exposure 3,000; HIGH (600) × 0.5 = 1,500
        assertThat(row(old)).containsEntry("score_band", "HIGH").containsEntry("invoiced_12m", amount("3000.00"))
                .containsEntry("reference_amount", amount("3000.00")).containsEntry("suggested_limit", amount("1500.00"));
        // 750 is VERY_HIGH: no credit
        assertThat(row(veryHigh)).containsEntry("score_band", "VERY_HIGH").containsEntry("reference_amount", amount("1000.00"))
                .containsEntry("suggested_limit", amount("0.00"));
        assertThat(jdbc.queryForObject("select count(*) from credit_limit_change", Integer.class))
                .as("the ERP gave no limits: no history, no review").isZero();
    }

    @Test
    void theErpsLimitFromTheImportIsCurrentAndInTheHistoryAndTheApiShowsBoth() {
        Customer customer = credit.customer("1200.50", "6000.00", TODAY);
        credit.score(customer, 300, TODAY);

        suggestions.recompute(TODAY);
        suggestions.recompute(TODAY);

        assertThat(row(customer)).containsEntry("current_limit", amount("1200.50")).containsEntry("current_source", "ERP")
                .containsEntry("score_band", "MEDIUM").containsEntry("suggested_limit", amount("1000.00"));
        TestUsers.ensure(identity, "mona", "managers");
        ResponseEntity<Map> answer = http.withBasicAuth("mona", TestUsers.PASSWORD)
                .getForEntity("/api/credit-limits/" + customer.getCustomerId(), Map.class);
        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
        Map<?, ?> limits = (Map<?, ?>) answer.getBody().get("limits");
        assertThat(limits.get("currentLimit")).isEqualTo(1200.5);
        assertThat(limits.get("suggestedLimit")).isEqualTo(1000.0);
        assertThat(limits.get("scoreBand")).isEqualTo("MEDIUM");
        List<?> history = (List<?>) answer.getBody().get("history");
        assertThat(history).as("the limit the ERP gave, once however often the scan runs").singleElement()
                .satisfies(entry -> {
                    Map<?, ?> change = (Map<?, ?>) entry;
                    assertThat(change.get("status")).isEqualTo("FROM_ERP");
                    assertThat(change.get("approvedLimit")).isEqualTo(1200.5);
                    assertThat(change.get("decidedBy")).isEqualTo("ERP");
                });

        TestUsers.ensure(identity, "colin", "collectors");
        assertThat(http.withBasicAuth("colin", TestUsers.PASSWORD).getForEntity("/api/credit-limits/"
                + customer.getCustomerId(), Map.class).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(http.withBasicAuth("mona", TestUsers.PASSWORD).getForEntity("/api/credit-limits/C-none", Map.class)
                .getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }

    private Map<String, Object> row(Customer customer) {
        return jdbc.queryForMap("select * from credit_limit where customer_fk = ?", customer.getId()).entrySet().stream()
                .collect(java.util.stream.Collectors.toMap(e -> e.getKey().toLowerCase(), e -> e.getValue() == null
                        ? "null" : e.getValue() instanceof BigDecimal d ? d.setScale(2) : e.getValue()));
    }

    private static BigDecimal amount(String value) {
        return new BigDecimal(value);
    }
}
