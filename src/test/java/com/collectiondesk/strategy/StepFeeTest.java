package com.collectiondesk.strategy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import com.collectiondesk.contact.ContactService;
import com.collectiondesk.ledger.Contract;
import com.collectiondesk.ledger.Customer;
import com.collectiondesk.ledger.Invoice;
import com.collectiondesk.support.StrategyTables;
import com.collectiondesk.support.TicketProcessTestBase;
import com.collectiondesk.ticket.Ticket;
import com.collectiondesk.ticket.TicketProcess;
import java.util.List;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * An analyst gives the B2B strategy's letter a fee of 5.00 EUR (the decision's fee column; the shipped table has
 * none): charged on the ticket's oldest overdue invoice when the letter went out, once however often the send is
 * retried, and not at all when the contact policy refused the letter.
 */
class StepFeeTest extends TicketProcessTestBase {

    @Autowired ContactService contactService;
    @Autowired JdbcTemplate jdbc;

    @Test
    void theLetterThatWentOutChargesItsFeeOnceOnTheOldestOverdueInvoice() {
        Customer debtor = ledger.customer(50);
        Contract b2b = ledger.contract(debtor, "B2B_INVOICE");
        ledger.invoice(debtor, b2b, "200.00", TODAY.minusDays(5));
        Invoice oldest = ledger.invoice(debtor, b2b, "800.00", TODAY.minusDays(30));
        ProcessInstance instance = untilTheLetter(debtor);

        runNextStep(instance);

        Ticket ticket = ticketOf(instance);
        assertThat(contacts.findByTicketIdOrderByAtAscIdAsc(ticket.getId())).last()
                .extracting(contact -> contact.getChannel().name()).isEqualTo("LETTER");
        String key = "fee:" + ticket.getTicketNumber() + ":1:2:LETTER";
        assertThat(fees(debtor)).containsExactly(key + " " + oldest.getId() + " 5.00 step 3: LETTER day 14 (letter-b2b-formal)");
        assertThat(timelineTypes(ticket)).contains("FEE_CHARGED");

        contactService.sendStep(ticket.getId(), 2); // a retried send job
        assertThat(fees(debtor)).as("at most once per step").hasSize(1);
    }

    @Test
    void aLetterTheContactPolicyRefusedChargesNoFee() {
        Customer debtor = ledger.customer(50);
        Contract b2b = ledger.contract(debtor, "B2B_INVOICE");
        ledger.invoice(debtor, b2b, "800.00", TODAY.minusDays(30));
        ProcessInstance instance = untilTheLetter(debtor);
        ledger.change(debtor, d -> d.ceasedCommunication(true));

        runNextStep(instance);

        Ticket ticket = ticketOf(instance);
        assertThat(contacts.findByTicketIdOrderByAtAscIdAsc(ticket.getId()))
                .extracting(contact -> contact.getChannel().name()).doesNotContain("LETTER");
        assertThat(fees(debtor)).isEmpty();
        assertThat(timelineTypes(ticket)).doesNotContain("FEE_CHARGED");
    }

    /** Opens the B2B ticket and runs its e-mail (day 1) and call (day 7): the letter (day 14) is next. */
    private ProcessInstance untilTheLetter(Customer debtor) {
        String deployment = engine.getRepositoryService().createDeployment().name("b2b-letter-fee")
                .addString("dmn/collection-strategy.dmn", StrategyTables.withLetterFee("5.00 EUR")).deploy().getId();
        ProcessInstance instance;
        try {
            instance = openAndPlan(debtor);
        } finally {
            engine.getRepositoryService().deleteDeployment(deployment); // the plan keeps the fee
        }
        assertThat(ticketOf(instance).getSegment()).isEqualTo("B2B");
        assertThat(steps.findByTicketIdOrderByPlanRoundAscStepIndexAsc(ticketOf(instance).getId()))
                .extracting(step -> step.getChannel().name() + (step.fee().isPresent() ? " " + step.fee().get() : ""))
                .containsExactly("EMAIL", "CALL", "LETTER 5.00 EUR", "ESCALATE");
        runNextStep(instance);
        runNextStep(instance);
        assertThat(instance).isWaitingAt(TicketProcess.CALL_DEBTOR);
        complete(task(instance), withVariables(TicketProcess.CALL_OUTCOME, "NO_ANSWER"));
        return instance;
    }

    private List<String> fees(Customer debtor) {
        return jdbc.query("select c.charge_key, c.invoice_fk, c.amount, c.rule from ledger_charge c join invoice i on i.id = c.invoice_fk"
                        + " where c.kind = 'FEE' and i.customer_fk = ? order by c.id",
                (rs, row) -> rs.getString(1) + " " + rs.getLong(2) + " " + rs.getBigDecimal(3).toPlainString() + " " + rs.getString(4),
                debtor.getId());
    }
}
