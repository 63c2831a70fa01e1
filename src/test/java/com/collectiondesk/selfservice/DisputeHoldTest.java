package com.collectiondesk.selfservice;

import static org.assertj.core.api.Assertions.assertThat;

import com.collectiondesk.hold.HoldService;
import com.collectiondesk.hold.HoldSource;
import com.collectiondesk.ledger.HoldReason;
import com.collectiondesk.security.Groups;
import com.collectiondesk.support.TestUsers;
import com.collectiondesk.ticket.Ticket;
import com.collectiondesk.ticket.TicketEvent;
import com.collectiondesk.ticket.TicketProcess;
import com.collectiondesk.ticket.TicketStatus;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** A dispute from the page puts the disputed invoice on hold until the dispute team has decided; never a second hold. */
class DisputeHoldTest extends SelfServiceTestBase {

    @Autowired HoldService holdService;

    @Test
    void aPageDisputeHoldsTheDisputedInvoiceByTheDebtorAndARejectionLiftsItSoTheWholeAmountIsCollectedAgain() {
        String page = verifiedPage();
        String older = invoiceNumbers().get(0);

        HttpResponse<String> sent = dispute(page, older);

        assertThat(sent.statusCode()).as(sent.body()).isEqualTo(200);
        Ticket ticket = ticketOf(instance);
        assertThat(ticket.getStrategyAmount()).as("the disputed 200.00 is out of the strategy's total").isEqualByComparingTo("100.00");
        Map<String, Object> hold = jdbc.queryForMap("select id, reason, source, placed_by, ends_on, lifted_on, invoice_fk from hold"
                + " where customer_fk = ?", debtor.getId());
        assertThat(hold).containsEntry("REASON", "COMPLAINT").containsEntry("SOURCE", "DISPUTE").containsEntry("PLACED_BY", "debtor")
                .containsEntry("ENDS_ON", null).containsEntry("LIFTED_ON", null);
        assertThat(jdbc.queryForObject("select invoice_number from invoice where id = ?", String.class, hold.get("INVOICE_FK")))
                .isEqualTo(older);
        assertThat(events.findByTicketIdOrderByAtAscIdAsc(ticket.getId())).filteredOn(e -> e.getType().equals("HOLD"))
                .singleElement().satisfies(event -> {
                    assertThat(event.getDetails()).isEqualTo("Invoice " + older + " on hold (COMPLAINT, open-ended: Disputed 200.00 EUR"
                            + " on the self-service page) by DISPUTE");
                    assertThat(event.getAuthor()).isEqualTo("debtor");
                });

        resolve("REJECTED");

        assertThat(jdbc.queryForObject("select lifted_by from hold where id = ?", String.class, hold.get("ID"))).isEqualTo("ss-disputes");
        Ticket after = ticketOf(instance);
        assertThat(after.getStatus()).isEqualTo(TicketStatus.OPEN);
        assertThat(after.getStrategyAmount()).as("the rejected dispute's money is collected again").isEqualByComparingTo("300.00");
        assertThat(events.findByTicketIdOrderByAtAscIdAsc(after.getId())).extracting(TicketEvent::getType)
                .containsSubsequence("DISPUTE", "HOLD", "DISPUTE_RESOLVED", "HOLD_LIFTED");
    }

    @Test
    void anUpheldDisputeCancelsTheInvoiceAndLiftsItsHold() {
        String page = verifiedPage();
        dispute(page, invoiceNumbers().get(0));

        resolve("UPHELD");

        assertThat(jdbc.queryForList("select lifted_on from hold where customer_fk = ?", Object.class, debtor.getId()))
                .singleElement().isNotNull();
        assertThat(ticketOf(instance).getStrategyAmount()).isEqualByComparingTo("100.00");
    }

    @Test
    void aPaymentThatSettlesTheTicketDuringTheDisputeLiftsTheHoldSoNoOpenHoldOutlivesTheTicket() {
        String page = verifiedPage();
        dispute(page, invoiceNumbers().get(0));
        runAsyncJobs(instance);

        ledger.pay(debtor, "300.00", TODAY);

        assertThat(tickets.findByTicketNumber(instance.getBusinessKey()).orElseThrow().isClosed()).isTrue();
        assertThat(jdbc.queryForList("select lifted_on from hold where customer_fk = ?", Object.class, debtor.getId()))
                .singleElement().isNotNull();
    }

    @Test
    void anInvoiceAManagerHoldsAlreadyGetsNoSecondHoldAndTheManagersHoldOutlivesTheDispute() {
        String page = verifiedPage();
        String older = invoiceNumbers().get(0);
        holdService.hold(instance.getBusinessKey(), older, HoldReason.HARDSHIP, "job loss", null, HoldSource.MANAGER, "maggie");

        HttpResponse<String> sent = dispute(page, older);

        assertThat(sent.statusCode()).as(sent.body()).isEqualTo(200);
        assertThat(jdbc.queryForList("select source from hold where customer_fk = ?", String.class, debtor.getId()))
                .containsExactly("MANAGER");
        assertThat(jdbc.queryForObject("select hold_fk from self_service_dispute where ticket_fk = ?", Long.class,
                ticketOf(instance).getId())).isNull();
        resolve("REJECTED");
        assertThat(jdbc.queryForList("select lifted_on from hold where customer_fk = ?", Object.class, debtor.getId()))
                .containsExactly((Object) null);
    }

    private HttpResponse<String> dispute(String page, String invoice) {
        return browser.submitMultipart(page, page + "/dispute", Map.of("disputeInvoice", invoice, "disputeReason", "WRONG_AMOUNT"), null);
    }

    private void resolve(String resolution) {
        runAsyncJobs(instance);
        Task resolve = engine.getTaskService().createTaskQuery().processInstanceId(instance.getId())
                .taskDefinitionKey(TicketProcess.RESOLVE_DISPUTE).singleResult();
        TestUsers.ensure(engine.getIdentityService(), "ss-disputes", Groups.DISPUTES);
        engine.getIdentityService().setAuthentication("ss-disputes", List.of(Groups.DISPUTES));
        try {
            complete(resolve, Map.of(TicketProcess.RESOLUTION, resolution));
        } finally {
            engine.getIdentityService().clearAuthentication();
        }
    }

    private List<String> invoiceNumbers() {
        return jdbc.queryForList("select invoice_number from invoice where customer_fk = ? order by due_date", String.class, debtor.getId());
    }
}
