package com.collectiondesk.worklist;

import static org.assertj.core.api.Assertions.assertThat;

import com.collectiondesk.security.Groups;
import com.collectiondesk.ticket.TicketProcess;
import jakarta.mail.internet.MimeMessage;
import java.time.Instant;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.Test;

class TaskDigestTest extends WorklistTestBase {

    private static final List<String> LOANS = List.of("CONSUMER_LOAN");

    @Test
    void eachCollectorGetsOneMailWithOverdueAndDueTodayAndTheTeamLeadGetsTheTeamsOverdueCount() throws Exception {
        String lead = user("lena", Groups.MANAGERS);
        String dana = collector("dana", List.of("en"), LOANS, lead);
        String emil = collector("emil", List.of("en"), LOANS, lead);
        String first = openTicket(debtor("en"));
        String second = openTicket(debtor("en"));
        String third = tickets.open(debtor("en").getId(), TODAY.plusDays(1));
        assertThat(List.of(tickets.owner(first), tickets.owner(second), tickets.owner(third))).containsExactly(dana, emil, dana);
        tickets.runUntilTask(first, TicketProcess.CALL_DEBTOR, true);
        tickets.runUntilTask(second, TicketProcess.CALL_DEBTOR, true);
        // the next day: yesterday's two calls are overdue, the third ticket's call falls due today
        tickets.runUntilTask(third, TicketProcess.CALL_DEBTOR, true);
        int before = MAIL.getReceivedMessages().length;

        runDigestTimer();
        runDigestTimer();

        List<MimeMessage> mails = Arrays.asList(MAIL.getReceivedMessages()).subList(before, MAIL.getReceivedMessages().length);
        Map<String, MimeMessage> byRecipient = mails.stream()
                .filter(mail -> recipient(mail).endsWith("-" + run + "@desk.example"))
                .collect(Collectors.toMap(TaskDigestTest::recipient, Function.identity()));
        assertThat(byRecipient).containsOnlyKeys(dana + "@desk.example", emil + "@desk.example", lead + "@desk.example");
        MimeMessage toDana = byRecipient.get(dana + "@desk.example");
        assertThat(toDana.getSubject()).isEqualTo("Collection Desk: 1 overdue, 1 due today");
        assertThat(body(toDana)).contains("Overdue (1):\n  " + first).contains("Due today (1):\n  " + third);
        assertThat(byRecipient.get(emil + "@desk.example").getSubject()).isEqualTo("Collection Desk: 1 overdue, 0 due today");
        MimeMessage toLead = byRecipient.get(lead + "@desk.example");
        assertThat(toLead.getSubject()).isEqualTo("Collection Desk: your team has 2 overdue tasks");
        assertThat(body(toLead)).contains(dana + ": 1", emil + ": 1");
    }

    /** Fires the digest's timer start event as the job executor would, then its async send. */
    private void runDigestTimer() {
        ManagementService management = engine.getManagementService();
        Job timer = management.createJobQuery().processDefinitionKey("task-digest").timers().singleResult();
        management.executeJob(timer.getId());
        for (Job send : management.createJobQuery().processDefinitionKey("task-digest").messages().listPage(0, 10)) {
            management.executeJob(send.getId());
        }
    }

    private static String recipient(MimeMessage mail) {
        try {
            return mail.getAllRecipients()[0].toString();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String body(MimeMessage mail) throws Exception {
        return mail.getContent().toString().replace("\r\n", "\n");
    }

    static Date at(Instant instant) {
        return Date.from(instant);
    }
}
