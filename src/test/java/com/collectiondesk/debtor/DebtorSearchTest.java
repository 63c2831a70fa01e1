package com.collectiondesk.debtor;

import static org.assertj.core.api.Assertions.assertThat;

import com.collectiondesk.ledger.Customer;
import com.collectiondesk.security.Groups;
import com.collectiondesk.support.TestUsers;
import com.collectiondesk.support.TicketProcessTestBase;
import com.collectiondesk.support.ledger.Debtors;
import com.collectiondesk.support.ledger.Invoices;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Random;
import java.util.stream.StreamSupport;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** GET /api/customers?q= finds a debtor by any of the handles a collector has; GET /api/tickets?customerId= lists theirs. */
class DebtorSearchTest extends TicketProcessTestBase {

    @Autowired TestRestTemplate http;
    @Autowired ApplicationContext context;

    /** Makes this run's names, phones and numbers unique in the shared test database. */
    private final String token = "qx" + Long.toString(new Random().nextLong() & Long.MAX_VALUE, 36).substring(0, 6);
    private final String phoneDigits = String.format("%06d", new Random().nextInt(1_000_000));

    @BeforeEach
    void users() {
        TestUsers.ensure(engine.getIdentityService(), "colin", Groups.COLLECTORS);
        TestUsers.ensure(engine.getIdentityService(), "erin", Groups.ERP_INTEGRATION);
    }

    @Test
    void aNameIsFoundWithAndWithoutAccentsInAnyCase() {
        Customer jurgen = debtor("Jürgen Müller-" + token, null);

        for (String typed : List.of("Müller-" + token, "muller-" + token, "MULLER-" + token.toUpperCase(), "jürgen")) {
            assertThat(customerIds(search(typed))).as(typed).contains(jurgen.getCustomerId());
        }
        assertThat(search("Müller-" + token).at("/content/0/name").asText()).isEqualTo("Jürgen Müller-" + token);
    }

    @Test
    void aCyrillicNameIsFoundWithoutItsBreveAndInAnyCase() {
        Customer yordan = debtor("Йордан Ёлкин " + token, null);

        assertThat(customerIds(search("ЙОРДАН ЁЛКИН " + token))).containsExactly(yordan.getCustomerId());
        assertThat(customerIds(search("иордан елкин " + token))).containsExactly(yordan.getCustomerId());
        assertThat(customerIds(search("Елкин " + token.toUpperCase()))).containsExactly(yordan.getCustomerId());
    }

    @Test
    void theWordsTypedBeginTheNamesWordsInAnyOrder() {
        Customer ivana = debtor("Ivana Petrova-" + token, null);
        debtor("Ivanka Petkova-" + token, null);

        assertThat(customerIds(search("petrova-" + token + " ivana"))).containsExactly(ivana.getCustomerId());
        assertThat(customerIds(search("IVA PETROVA-" + token.substring(0, 5).toUpperCase()))).as("prefixes of each word")
                .contains(ivana.getCustomerId());
        assertThat(search("vana petrova-" + token).at("/totalElements").asLong()).as("the middle of a word").isZero();
        assertThat(search("100% " + token).at("/totalElements").asLong()).as("LIKE wildcards are literal").isZero();
    }

    @Test
    void aBulgarianPhoneTypedNationallyIsFoundAsE164() {
        Customer debtor = debtor("Phone " + token, "+359888" + phoneDigits);

        String typed = "0888 " + phoneDigits.substring(0, 3) + " " + phoneDigits.substring(3);
        assertThat(customerIds(search(typed))).as(typed).containsExactly(debtor.getCustomerId());
        assertThat(customerIds(search("+359 888 " + phoneDigits))).containsExactly(debtor.getCustomerId());
        assertThat(customerIds(search("00359888" + phoneDigits))).containsExactly(debtor.getCustomerId());
        assertThat(search(typed).at("/content/0/phone").asText()).isEqualTo("+359888" + phoneDigits);
    }

    @Test
    void anInvoiceNumberTheCustomerIdAndTheEmailFindTheirDebtor() {
        Customer debtor = debtor("Invoice " + token, null);
        Invoices.of(context).invoice(debtor).number("INV-" + token).amount("80.00").due(TODAY.minusDays(3)).book();
        Customer sameName = debtor("Invoice " + token + " Other", null, token + "@example.com");

        assertThat(customerIds(search("INV-" + token))).containsExactly(debtor.getCustomerId());
        assertThat(customerIds(search(debtor.getCustomerId()))).containsExactly(debtor.getCustomerId());
        assertThat(customerIds(search(token.toUpperCase() + "@EXAMPLE.COM"))).containsExactly(sameName.getCustomerId());
        JsonNode hit = search("INV-" + token).at("/content/0");
        assertThat(hit.at("/overdue/0/currency").asText()).isEqualTo("EUR");
        assertThat(hit.at("/overdue/0/amount").decimalValue()).isEqualByComparingTo("80.00");
        assertThat(hit.get("openTicket").isNull()).as("no ticket opened yet").isTrue();
    }

    @Test
    void aTicketNumberFindsItsDebtorWithTheOverdueAmountAndTheOpenTicket() {
        ProcessInstance ticket = openAndPlan(named("Ticket " + token));

        JsonNode found = search(ticket.getBusinessKey());

        assertThat(found.at("/totalElements").asLong()).isEqualTo(1);
        assertThat(found.at("/content/0/openTicket").asText()).isEqualTo(ticket.getBusinessKey());
        assertThat(found.at("/content/0/overdue/0/amount").decimalValue()).isEqualByComparingTo("300.00");
        assertThat(search("ticket " + token).at("/content/0/openTicket").asText()).isEqualTo(ticket.getBusinessKey());
    }

    @Test
    void resultsArePagedByNameWithTheTotal() {
        debtor("Pagey " + token + " Anna", null);
        debtor("Pagey " + token + " Boris", null);
        debtor("Pagey " + token + " Cvetan", null);

        JsonNode first = as("colin").getForObject("/api/customers?q=pagey " + token + "&size=2", JsonNode.class);
        JsonNode second = as("colin").getForObject("/api/customers?q=pagey " + token + "&size=2&page=1", JsonNode.class);

        assertThat(first.at("/totalElements").asLong()).isEqualTo(3);
        assertThat(first.at("/totalPages").asInt()).isEqualTo(2);
        assertThat(names(first)).containsExactly("Pagey " + token + " Anna", "Pagey " + token + " Boris");
        assertThat(names(second)).containsExactly("Pagey " + token + " Cvetan");
        assertThat(names(as("colin").getForObject("/api/customers?q=pagey " + token + "&page=5", JsonNode.class))).isEmpty();
    }

    @Test
    void badParametersAreRefusedNamingTheParameter() {
        assertRefused("/api/customers", "q", "q: is required");
        assertRefused("/api/customers?q=  ", "q", "q: is required");
        assertRefused("/api/customers?q=" + "x".repeat(201), "q", "at most 200 characters");
        assertRefused("/api/customers?q=ivan&size=0", "size", "size: must be between 1 and 100, got 0");
        assertRefused("/api/customers?q=ivan&size=101", "size", "size: must be between 1 and 100, got 101");
        assertRefused("/api/customers?q=ivan&page=-1", "page", "page: must be 0 or more, got -1");
        assertRefused("/api/customers?q=ivan&page=first", "page", "page must be a number, not 'first'");
    }

    @Test
    void onlyTheTeamsThatReadTicketsMaySearch() {
        ResponseEntity<JsonNode> refused = http.withBasicAuth("erin", TestUsers.PASSWORD)
                .getForEntity("/api/customers?q=ivan", JsonNode.class);

        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(refused.getBody().toString()).doesNotContain("Ivana");
    }

    @Test
    void theTicketListFiltersByCustomerAndNamesTheDebtor() {
        ProcessInstance mine = openAndPlan(named("Listed " + token));
        ProcessInstance other = openAndPlan(named("Other " + token));
        String customerId = search("listed " + token).at("/content/0/customerId").asText();

        JsonNode page = as("colin").getForObject("/api/tickets?customerId=" + customerId, JsonNode.class);

        assertThat(page.at("/totalElements").asLong()).isEqualTo(1);
        assertThat(page.at("/content/0/ticketNumber").asText()).isEqualTo(mine.getBusinessKey()).isNotEqualTo(other.getBusinessKey());
        assertThat(page.at("/content/0/customerName").asText()).isEqualTo("Listed " + token);
        assertThat(as("colin").getForObject("/api/tickets?customerId=NO-SUCH-" + token, JsonNode.class)
                .at("/totalElements").asLong()).isZero();
    }

    private void assertRefused(String url, String parameter, String message) {
        ResponseEntity<JsonNode> answer = as("colin").getForEntity(url, JsonNode.class);
        assertThat(answer.getStatusCode()).as(url).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(answer.getHeaders().getContentType().toString()).startsWith("application/problem+json");
        assertThat(answer.getBody().get("field").asText()).as(url).isEqualTo(parameter);
        assertThat(answer.getBody().get("detail").asText()).as(url).contains(message).doesNotContain("Exception");
    }

    private Customer debtor(String name, String phone) {
        return debtor(name, phone, "d" + Math.abs(new Random().nextLong()) + "@example.com");
    }

    private Customer debtor(String name, String phone, String email) {
        Debtors.Debtor debtor = Debtors.of(context).debtor().name(name).email(email);
        if (phone != null) {
            debtor.phone(phone).country("BG");
        }
        return debtor.book();
    }

    /** A debtor with 300.00 EUR overdue on two invoices (as {@link #standardDebtor()}), named. */
    private Customer named(String name) {
        return ledger.change(standardDebtor(), d -> d.name(name));
    }

    private JsonNode search(String q) {
        ResponseEntity<JsonNode> answer = as("colin").getForEntity("/api/customers?q={q}", JsonNode.class, q);
        assertThat(answer.getStatusCode()).as(String.valueOf(answer.getBody())).isEqualTo(HttpStatus.OK);
        return answer.getBody();
    }

    private static List<String> customerIds(JsonNode page) {
        return StreamSupport.stream(page.get("content").spliterator(), false).map(hit -> hit.get("customerId").asText()).toList();
    }

    private static List<String> names(JsonNode page) {
        return StreamSupport.stream(page.get("content").spliterator(), false).map(hit -> hit.get("name").asText()).toList();
    }

    private TestRestTemplate as(String user) {
        return http.withBasicAuth(user, TestUsers.PASSWORD);
    }
}
