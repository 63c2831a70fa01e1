package com.collectiondesk.worklist;

import static org.assertj.core.api.Assertions.assertThat;

import com.collectiondesk.ledger.Customer;
import com.collectiondesk.security.Groups;
import com.collectiondesk.support.TestUsers;
import com.collectiondesk.support.TicketDriver;
import com.collectiondesk.support.TicketProcessTestBase;
import com.collectiondesk.ticket.TicketProcess;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * A debtor renamed or given a new phone (re-import or PUT /api/customers) is found by the new name and number in
 * Tasklist's search box on the open tasks of their ticket, no longer by the old ones: the box matches the task
 * variable debtorSearch with a "like", as scripts/debtor-search sends it.
 */
class DebtorTaskRefreshTest extends TicketProcessTestBase {

    @Autowired ApplicationContext context;
    @Autowired TestRestTemplate http;

    private final String token = "rf" + Long.toString(new Random().nextLong() & Long.MAX_VALUE, 36).substring(0, 6);
    private final String digits = String.format("%06d", new Random().nextInt(1_000_000));

    @Test
    void aReimportedNameAndPhoneFindTheOpenCallAndTheOldOnesNoLonger() {
        Customer debtor = ledger.change(standardDebtor(), d -> d.name("Ivana Petrova " + token).phone("+359888" + digits));
        Task call = openCall(debtor);
        assertThat(foundBy("petrova " + token)).contains(call.getId());

        ledger.change(debtor, d -> d.name("Ивана Ґалушко-Dimitrová " + token).phone("+359877" + digits));

        assertThat(foundBy("dimitrova " + token)).as("the new name without its accent").containsExactly(call.getId());
        assertThat(foundBy("ивана ґалушко")).as("the new Cyrillic name").contains(call.getId());
        assertThat(foundBy("0877" + digits)).as("the new phone as typed nationally").containsExactly(call.getId());
        assertThat(foundBy("petrova " + token)).as("the old name").isEmpty();
        assertThat(foundBy("0888" + digits)).as("the old phone").isEmpty();
        Map<String, Object> shown = engine.getTaskService().getVariablesLocal(call.getId(),
                List.of(TicketProcess.DEBTOR_NAME, TicketProcess.DEBTOR_PHONE));
        assertThat(shown).containsEntry(TicketProcess.DEBTOR_NAME, "Ивана Ґалушко-Dimitrová " + token)
                .containsEntry(TicketProcess.DEBTOR_PHONE, "+359877" + digits);
    }

    @Test
    void aNameChangedThroughTheCustomerApiFindsTheOpenCall() {
        TestUsers.ensure(engine.getIdentityService(), "erin", Groups.ERP_INTEGRATION);
        Customer debtor = ledger.change(standardDebtor(), d -> d.name("Before " + token));
        Task call = openCall(debtor);

        ResponseEntity<String> answer = http.withBasicAuth("erin", TestUsers.PASSWORD).exchange(
                org.springframework.http.RequestEntity.put("/api/customers/" + debtor.getCustomerId())
                        .contentType(org.springframework.http.MediaType.APPLICATION_JSON)
                        .body(Map.of("name", "After " + token, "phone", debtor.getPhone(), "email", debtor.getEmail(),
                                "language", debtor.getLanguage(), "country", debtor.getCountry(), "address", debtor.getAddress())),
                String.class);

        assertThat(answer.getStatusCode()).as(answer.getBody()).isEqualTo(HttpStatus.OK);
        assertThat(foundBy("after " + token)).containsExactly(call.getId());
        assertThat(foundBy("before " + token)).isEmpty();
    }

    private Task openCall(Customer debtor) {
        TicketDriver tickets = TicketDriver.of(context);
        return tickets.runUntilTask(tickets.open(debtor.getId(), TODAY), TicketProcess.CALL_DEBTOR, true);
    }

    /** The open tasks Tasklist's search box lists for the typed text (normalized as scripts/debtor-search does). */
    private List<String> foundBy(String normalized) {
        return engine.getTaskService().createTaskQuery()
                .taskVariableValueLike(TicketProcess.DEBTOR_SEARCH, "%" + normalized + "%").list().stream()
                .map(Task::getId).toList();
    }
}
