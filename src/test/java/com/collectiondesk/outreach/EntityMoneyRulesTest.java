package com.collectiondesk.outreach;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import com.collectiondesk.ledger.Customer;
import com.collectiondesk.ledger.LedgerCommands;
import com.collectiondesk.security.Groups;
import com.collectiondesk.support.TestUsers;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import com.collectiondesk.support.StrategyTables;
import com.collectiondesk.support.ledger.Debtors;
import com.collectiondesk.ticket.Ticket;
import com.collectiondesk.ticket.TicketProcess;
import java.util.List;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Money rules per legal entity (EntityChannelTestBase): the strategy table's B2B letter costs 5.00 EUR; RO charges its
 * own 25.00 RON for that step, and its business debtors owe its flat compensation of 200.00 RON while the service's is
 * off. RO's invoices are in RON or EUR only (the import refuses another, naming field and row), and no ticket mixes
 * entities.
 */
class EntityMoneyRulesTest extends EntityChannelTestBase {

    @Autowired JdbcTemplate jdbc;
    @Autowired LedgerCommands commands;
    @Autowired TestRestTemplate http;
    @Autowired IdentityService identity;
    @Autowired ObjectMapper json;
    private Debtors debtors;

    @Autowired
    void debtorBuilder(ApplicationContext context) {
        debtors = Debtors.of(context);
    }

    @Test
    void theSameLetterCostsEachEntitysOwnFeeInItsCurrency() {
        Customer german = b2bDebtor("DEFAULT", "+4915123456794", "EUR");
        Customer romanian = b2bDebtor("RO", "+40721234574", "RON");
        String deployment = engine.getRepositoryService().createDeployment().name("b2b-letter-fee")
                .addString("dmn/collection-strategy.dmn", StrategyTables.withLetterFee("5.00 EUR")).deploy().getId();
        ProcessInstance germanTicket;
        ProcessInstance romanianTicket;
        try {
            germanTicket = openAndPlan(german);
            romanianTicket = openAndPlan(romanian, "RON");
        } finally {
            engine.getRepositoryService().deleteDeployment(deployment); // the plans keep their fees
        }
        assertThat(plan(germanTicket)).containsExactly("EMAIL", "CALL", "LETTER 5.00 EUR", "ESCALATE");
        assertThat(plan(romanianTicket)).containsExactly("EMAIL", "CALL", "LETTER 25.00 RON", "ESCALATE");

        untilTheLetterWentOut(germanTicket);
        untilTheLetterWentOut(romanianTicket);

        assertThat(fees(german)).containsExactly("5.00 EUR step 3: LETTER day 14 (letter-b2b-formal)");
        assertThat(fees(romanian)).containsExactly("25.00 RON step 3: LETTER day 14 (letter-b2b-formal)");
    }

    @Test
    void onlyTheEntityWithCompensationOnChargesItInItsCurrency() {
        Customer german = b2bDebtor("DEFAULT", "+4915123456795", "EUR");
        Customer romanian = b2bDebtor("RO", "+40721234575", "RON");

        commands.accrueInterest();
        commands.accrueInterest();

        assertThat(compensations(german)).as("the service's compensation is off").isEmpty();
        assertThat(compensations(romanian)).as("once").containsExactly("200.00 RON");
    }

    @Test
    void theImportRefusesAnInvoiceInACurrencyItsEntityDoesNotTakeNamingFieldAndRow() throws Exception {
        TestUsers.ensure(identity, "erp", Groups.ERP_INTEGRATION);
        Customer romanian = b2bDebtor("RO", "+40721234576", "RON");
        Customer german = b2bDebtor("DEFAULT", "+4915123456796", "EUR");
        String id = "CUR-" + System.nanoTime();
        JsonNode answer = importInvoices("""
                invoice_number,customer_id,issue_date,due_date,amount,currency
                %1$s-1,%2$s,2026-01-01,2026-01-31,100.00,RON
                %1$s-2,%2$s,2026-01-01,2026-01-31,100.00,USD
                %1$s-3,%3$s,2026-01-01,2026-01-31,100.00,USD
                """.formatted(id, romanian.getCustomerId(), german.getCustomerId()));

        assertThat(answer.get("accepted").asInt()).as("RON for RO; USD for the default entity, which takes any").isEqualTo(2);
        assertThat(answer.get("rejected")).hasSize(1);
        assertThat(answer.at("/rejected/0/row").asInt()).as("the file's line").isEqualTo(3);
        assertThat(answer.at("/rejected/0/field").asText()).isEqualTo("currency");
        assertThat(answer.at("/rejected/0/message").asText())
                .isEqualTo("'USD' is not a currency of legal entity RO; its invoices are in RON, EUR");
        assertThat(jdbc.queryForObject("select count(*) from invoice where invoice_number = ?", Integer.class, id + "-2"))
                .as("nothing stored of the refused row").isZero();
    }

    @Test
    void noTicketHasAnInvoiceOfAnotherEntity() {
        Customer romanian = b2bDebtor("RO", "+40721234577", "RON");
        ledger.invoice(romanian, ledger.contract(romanian, "B2B_INVOICE"), "50.00", TODAY.minusDays(10), "RON");
        Ticket ticket = ticketOf(openAndPlan(romanian, "RON"));
        assertThat(ticket.getLegalEntity()).isEqualTo("RO");
        assertThat(jdbc.queryForObject("select count(*) from ticket_invoice where ticket_fk = ?", Integer.class, ticket.getId()))
                .isEqualTo(2);
        assertThat(jdbc.queryForObject("""
                select count(*) from ticket t join ticket_invoice ti on ti.ticket_fk = t.id join invoice i on i.id = ti.invoice_fk
                join customer c on c.id = i.customer_fk where c.legal_entity <> t.legal_entity or c.id <> t.customer_fk""",
                Integer.class)).as("over every ticket of this context's tests").isZero();
    }

    private JsonNode importInvoices(String csv) throws Exception {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.parseMediaType("text/csv"));
        ResponseEntity<String> answer = http.withBasicAuth("erp", TestUsers.PASSWORD)
                .postForEntity("/api/imports/invoices", new HttpEntity<>(csv, headers), String.class);
        assertThat(answer.getStatusCode().is2xxSuccessful()).as(answer.getBody()).isTrue();
        return json.readTree(answer.getBody());
    }

    private Customer b2bDebtor(String entity, String phone, String currency) {
        boolean ro = "RO".equals(entity);
        Customer debtor = debtors.debtor().riskScore(50).name(ro ? "Fabrica SRL" : "Weber GmbH").language(ro ? "ro" : "de")
                .country(ro ? "RO" : "DE").timeZone(ro ? "Europe/Bucharest" : "Europe/Berlin").phone(phone)
                .email(phone.substring(1) + "@example.com").legalEntity(entity).debtorKind("BUSINESS").book();
        ledger.invoice(debtor, ledger.contract(debtor, "B2B_INVOICE"), "800.00", TODAY.minusDays(30), currency);
        return debtor;
    }

    private List<String> plan(ProcessInstance instance) {
        Ticket ticket = ticketOf(instance);
        assertThat(ticket.getSegment()).isEqualTo("B2B");
        return steps.findByTicketIdOrderByPlanRoundAscStepIndexAsc(ticket.getId()).stream()
                .map(step -> step.getChannel().name() + step.fee().map(fee -> " " + fee).orElse("")).toList();
    }

    /** The e-mail (day 1), the call (day 7, not answered), the letter (day 14). */
    private void untilTheLetterWentOut(ProcessInstance instance) {
        runNextStep(instance);
        runNextStep(instance);
        complete(task(instance), withVariables(TicketProcess.CALL_OUTCOME, "NO_ANSWER"));
        runNextStep(instance);
        assertThat(contacts.findByTicketIdOrderByAtAscIdAsc(ticketOf(instance).getId())).last()
                .extracting(contact -> contact.getChannel().name()).isEqualTo("LETTER");
    }

    private List<String> fees(Customer debtor) {
        return charges(debtor, "c.charge_key like 'fee:%'");
    }

    private List<String> compensations(Customer debtor) {
        return charges(debtor, "c.charge_key like 'compensation:%'");
    }

    private List<String> charges(Customer debtor, String which) {
        return jdbc.query("select c.amount, c.currency, c.rule from ledger_charge c join invoice i on i.id = c.invoice_fk"
                        + " where c.kind = 'FEE' and i.customer_fk = ? and " + which + " order by c.id",
                (rs, row) -> rs.getBigDecimal(1).toPlainString() + " " + rs.getString(2)
                        + (which.contains("fee:") ? " " + rs.getString(3) : ""), debtor.getId());
    }
}
