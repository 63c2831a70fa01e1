package com.collectiondesk.selfservice;

import static org.assertj.core.api.Assertions.assertThat;

import com.collectiondesk.ledger.LedgerQueries;
import com.collectiondesk.ticket.TicketEvent;
import com.collectiondesk.ticket.TicketProcess;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Stopping a channel and writing to the team from the page. */
class DebtorRequestsTest extends SelfServiceTestBase {

    @Autowired LedgerQueries ledgerQueries;

    @Test
    void stoppingSmsOnThePageSetsTheSameOptOutAsAStopReplyAndSaysSo() {
        String page = verifiedPage();

        HttpResponse<String> saved = browser.submit(page, page + "/preferences", Map.of("stopSms", "on"));

        assertThat(saved.statusCode()).isEqualTo(200);
        assertThat(saved.body()).contains("Your contact preferences are saved.");
        LedgerQueries.DebtorFacts facts = ledgerQueries.debtor(debtor.getId());
        assertThat(facts.refusesSms()).isTrue();
        assertThat(facts.refusesEmail()).isFalse();
        assertThat(events.findByTicketIdOrderByAtAscIdAsc(ticketOf(instance).getId())).filteredOn(e -> e.getType().equals("OPT_OUT"))
                .singleElement().satisfies(e -> {
                    assertThat(e.getDetails()).isEqualTo("SMS opt-out on the self-service page");
                    assertThat(e.getAuthor()).isEqualTo("debtor");
                });
    }

    @Test
    void preferencesWithNothingTickedOrWithoutTheFormsTokenChangeNothing() {
        String page = verifiedPage();

        HttpResponse<String> nothing = browser.submit(page, page + "/preferences", Map.of());
        HttpResponse<String> forged = browser.post(page + "/preferences", Map.of("stopSms", "on", "stopEmail", "on"));

        assertThat(nothing.statusCode()).isEqualTo(400);
        assertThat(nothing.body()).contains("Tick what you want to stop.");
        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(ledgerQueries.debtor(debtor.getId()).refusesSms()).isFalse();
        assertThat(ledgerQueries.debtor(debtor.getId()).refusesEmail()).isFalse();
    }

    @Test
    void aMessageBecomesATaskForTheCollectorsAndATooLongOneIsRefusedAtItsField() {
        String page = verifiedPage();

        HttpResponse<String> tooLong = browser.submit(page, page + "/message", Map.of("message", "x".repeat(1001)));
        assertThat(tooLong.statusCode()).isEqualTo(400);
        assertThat(tooLong.body()).contains("id=\"message-error\">Write at most 1,000 characters.", "aria-invalid=\"true\"");
        assertThat(engine.getTaskService().createTaskQuery().processInstanceBusinessKey(instance.getBusinessKey())
                .taskDefinitionKey(TicketProcess.ANSWER_REPLY).count()).isZero();

        HttpResponse<String> sent = browser.submit(page, page + "/message", Map.of("message", "I lost my job, can we talk?"));

        assertThat(sent.statusCode()).isEqualTo(200);
        assertThat(sent.body()).contains("your message went to your case handler");
        var task = engine.getTaskService().createTaskQuery().processInstanceBusinessKey(instance.getBusinessKey())
                .taskDefinitionKey(TicketProcess.ANSWER_REPLY).singleResult();
        assertThat(engine.getRuntimeService().getVariable(task.getExecutionId(), "replyText"))
                .isEqualTo("Message on the self-service page: I lost my job, can we talk?");
        assertThat(events.findByTicketIdOrderByAtAscIdAsc(ticketOf(instance).getId()))
                .extracting(TicketEvent::getType).contains("SELF_SERVICE_MESSAGE");
    }
}
