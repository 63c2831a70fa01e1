package com.collectiondesk.selfservice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.collectiondesk.ticket.Ticket;
import com.collectiondesk.ticket.TicketEvent;
import com.collectiondesk.ticket.TicketProcess;
import com.collectiondesk.ticket.TicketStatus;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;

/**
 * Payment plans asked for on the page: the self-service policy approves a plan inside it at once and gives the rest to
 * the ticket's owner; bpmn/payment-plan.bpmn then follows the instalments on the engine clock (STANDARD segment:
 * at most 4 instalments, the first within 14 days, each at least 50.00 EUR; 3 days of grace).
 */
class PaymentPlanTest extends SelfServiceTestBase {

    static final LocalDate FIRST = TODAY.plusDays(7);

    HttpResponse<String> askForPlan(String page, String instalments, String firstDate) {
        return browser.submit(page, page + "/plan", Map.of("planInstalments", instalments, "planFirstDate", firstDate));
    }

    String planStatus() {
        return jdbc.queryForObject("select status from self_service_plan where ticket_fk = ?", String.class, ticketOf(instance).getId());
    }

    List<String> instalmentStatuses() {
        return jdbc.queryForList("select i.status from self_service_plan_instalment i join self_service_plan p on p.id = i.plan_fk"
                + " where p.ticket_fk = ? order by i.number", String.class, ticketOf(instance).getId());
    }

    int plansOnTheTicket() {
        return jdbc.queryForObject("select count(*) from self_service_plan where ticket_fk = ?", Integer.class, ticketOf(instance).getId());
    }

    boolean ticketProcessWaitsFor(String message) {
        return engine.getRuntimeService().createExecutionQuery().processInstanceId(instance.getId())
                .messageEventSubscriptionName(message).count() > 0;
    }

    org.camunda.bpm.engine.runtime.ProcessInstance planProcess() {
        return engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey(PaymentPlans.PROCESS)
                .processInstanceBusinessKey(instance.getBusinessKey()).singleResult();
    }

    /** Runs the plan process's async jobs (the check after a payment) as the job executor would. */
    void runPlanJobs() {
        for (Job job : engine.getManagementService().createJobQuery().processInstanceId(planProcess().getId()).messages().list()) {
            engine.getManagementService().executeJob(job.getId());
        }
    }

    List<TicketEvent> timeline(String type) {
        return events.findByTicketIdOrderByAtAscIdAsc(ticketOf(instance).getId()).stream().filter(e -> e.getType().equals(type)).toList();
    }

    String approvedPlan() {
        String page = verifiedPage();
        HttpResponse<String> approved = askForPlan(page, "3", FIRST.toString());
        assertThat(approved.statusCode()).as(approved.body()).isEqualTo(200);
        return page;
    }

    @Test
    void aPlanInsideThePolicyIsApprovedAtOnceTheStrategyWaitsAndThePageShowsItsInstalments() {
        String page = verifiedPage();

        HttpResponse<String> approved = askForPlan(page, "3", FIRST.toString());

        assertThat(approved.statusCode()).isEqualTo(200);
        assertThat(approved.body()).contains("Your payment plan is approved: 3 monthly instalments, the first of €100.00 by Mar 9, 2026.",
                "Your payment plan", "Apr 9, 2026", "May 9, 2026").doesNotContain("Ask for the plan", "Promise to pay the rest");
        assertThat(planStatus()).isEqualTo("ACTIVE");
        assertThat(jdbc.queryForList("select i.cumulative from self_service_plan_instalment i join self_service_plan p on p.id = i.plan_fk"
                + " where p.ticket_fk = ? order by i.number", java.math.BigDecimal.class, ticketOf(instance).getId()))
                .usingElementComparator(java.math.BigDecimal::compareTo).containsExactly(new java.math.BigDecimal("100"),
                        new java.math.BigDecimal("200"), new java.math.BigDecimal("300"));
        Ticket ticket = ticketOf(instance);
        assertThat(ticket.getStatus()).isEqualTo(TicketStatus.PROMISED);
        assertThat(ticket.getNextStep()).isEqualTo("Payment plan: instalment 1 of 3 (100.00 EUR by 2026-03-09)");
        assertThat(ticketProcessWaitsFor(TicketProcess.MSG_PLAN_ENDED)).isTrue();
        assertThat(ticketProcessWaitsFor(TicketProcess.MSG_PLAN_AGREED)).isFalse();
        assertThat(timeline("SELF_SERVICE_PLAN_REQUEST")).singleElement().satisfies(request -> {
            assertThat(request.getAuthor()).isEqualTo("debtor");
            assertThat(request.getDetails()).contains("3 monthly instalments of the 300.00 EUR due, the first by 2026-03-09",
                    "inside the self-service policy (at most 4 instalments, the first by 2026-03-16, each at least 50.00 EUR)");
        });
        assertThat(timeline("PLAN_APPROVED")).singleElement().satisfies(approval -> assertThat(approval.getDetails())
                .contains("approved inside the self-service policy", "100.00 EUR by 2026-03-09, 100.00 EUR by 2026-04-09"));
        assertThat(engine.getTaskService().createTaskQuery().processInstanceBusinessKey(instance.getBusinessKey())
                .taskDefinitionKey(PaymentPlans.DECIDE_TASK).count()).isZero();
    }

    @Test
    void aPlanOutsideThePolicyBecomesTheOwnersTaskWithItsReasonsAndTheStrategyGoesOnUntilApproved() {
        String page = verifiedPage();
        transaction.executeWithoutResult(status -> tickets.findByTicketNumber(instance.getBusinessKey()).orElseThrow()
                .setOwner("owner-of-the-ticket"));

        HttpResponse<String> sent = askForPlan(page, "6", TODAY.plusDays(20).toString());

        assertThat(sent.statusCode()).isEqualTo(200);
        assertThat(sent.body()).contains("your request for 6 instalments goes to your case handler", "Your request is with your case handler.");
        assertThat(planStatus()).isEqualTo("REQUESTED");
        assertThat(ticketOf(instance).getStatus()).isEqualTo(TicketStatus.OPEN);
        assertThat(ticketProcessWaitsFor(TicketProcess.MSG_PLAN_AGREED)).as("the strategy still runs").isTrue();
        Task task = engine.getTaskService().createTaskQuery().processInstanceBusinessKey(instance.getBusinessKey())
                .taskDefinitionKey(PaymentPlans.DECIDE_TASK).singleResult();
        assertThat(task.getAssignee()).isEqualTo("owner-of-the-ticket");
        assertThat(engine.getTaskService().getIdentityLinksForTask(task.getId())).anySatisfy(link -> assertThat(link.getGroupId())
                .isEqualTo("collectors"));
        Map<String, Object> shown = engine.getTaskService().getVariables(task.getId());
        assertThat((String) shown.get(PaymentPlans.POLICY_NOTE)).contains("outside the self-service policy", "6 instalments, more than 4",
                "first instalment on 2026-03-22, after 2026-03-16");
        assertThat((String) shown.get(PaymentPlans.PLAN_SUMMARY)).contains("6 monthly instalments", "50.00 EUR by 2026-03-22");

        assertThatThrownBy(() -> engine.getTaskService().complete(task.getId(), Map.of(RecordPlanDecisionDelegate.DECISION, "MAYBE")))
                .hasMessageContaining("planDecision: must be one of [APPROVE, REFUSE], got MAYBE");
        assertThat(planStatus()).isEqualTo("REQUESTED");

        engine.getIdentityService().setAuthenticatedUserId("owner-of-the-ticket");
        try {
            engine.getTaskService().complete(task.getId(), Map.of(RecordPlanDecisionDelegate.DECISION, "APPROVE"));
        } finally {
            engine.getIdentityService().clearAuthentication();
        }
        assertThat(planStatus()).isEqualTo("ACTIVE");
        assertThat(jdbc.queryForObject("select decided_by from self_service_plan where ticket_fk = ?", String.class, ticketOf(instance).getId())).isEqualTo("owner-of-the-ticket");
        assertThat(ticketOf(instance).getStatus()).isEqualTo(TicketStatus.PROMISED);
        assertThat(ticketProcessWaitsFor(TicketProcess.MSG_PLAN_ENDED)).isTrue();
        assertThat(timeline("PLAN_APPROVED")).singleElement().satisfies(approval -> {
            assertThat(approval.getAuthor()).isEqualTo("owner-of-the-ticket");
            assertThat(approval.getDetails()).startsWith("Payment plan approved by owner-of-the-ticket");
        });
    }

    @Test
    void aRefusedPlanLeavesTheStrategyRunningAndThePageOffersAPlanAgain() {
        String page = verifiedPage();
        askForPlan(page, "6", FIRST.toString());
        Task task = engine.getTaskService().createTaskQuery().taskDefinitionKey(PaymentPlans.DECIDE_TASK)
                .processInstanceBusinessKey(instance.getBusinessKey()).singleResult();

        engine.getTaskService().complete(task.getId(), Map.of(RecordPlanDecisionDelegate.DECISION, "REFUSE"));

        assertThat(planStatus()).isEqualTo("REFUSED");
        assertThat(planProcess()).isNull();
        assertThat(ticketOf(instance).getStatus()).isEqualTo(TicketStatus.OPEN);
        assertThat(ticketProcessWaitsFor(TicketProcess.MSG_PLAN_AGREED)).isTrue();
        assertThat(timelineTypes(ticketOf(instance))).contains("PLAN_REFUSED").doesNotContain("PLAN_APPROVED");
        assertThat(browser.get(page).body()).contains("Ask for the plan");
    }

    @Test
    void aPaidInstalmentMovesThePlanToTheNextOne() {
        approvedPlan();

        ledger.pay(debtor, "100.00", TODAY.plusDays(3));
        runPlanJobs();

        assertThat(instalmentStatuses()).containsExactly("PAID", "PENDING", "PENDING");
        assertThat(planStatus()).isEqualTo("ACTIVE");
        assertThat(ticketOf(instance).getNextStep()).isEqualTo("Payment plan: instalment 2 of 3 (100.00 EUR by 2026-04-09)");
        assertThat(timeline("PLAN_INSTALMENT_PAID")).singleElement().satisfies(paid -> assertThat(paid.getDetails())
                .contains("instalment 1 of 3 paid", "paid towards the plan since 2026-03-02: 100.00"));
        Job timer = engine.getManagementService().createJobQuery().processInstanceId(planProcess().getId()).timers().singleResult();
        assertThat(timer.getDuedate().toInstant()).isEqualTo(startOfDayInSofia(LocalDate.of(2026, 4, 13)));

        ledger.pay(debtor, "40.00", TODAY.plusDays(4));
        runPlanJobs();
        assertThat(instalmentStatuses()).as("40.00 does not reach the second instalment's 200.00").containsExactly("PAID", "PENDING", "PENDING");
        assertThat(timeline("PLAN_INSTALMENT_PAID")).hasSize(1);
    }

    @Test
    void anInstalmentUnpaidAfterItsGraceBreaksThePlanCountsAsABrokenPromiseAndTheStrategyResumes() {
        approvedPlan();
        ledger.pay(debtor, "60.00", TODAY.plusDays(2));
        runPlanJobs();
        Job late = engine.getManagementService().createJobQuery().processInstanceId(planProcess().getId()).timers().singleResult();
        assertThat(late.getDuedate().toInstant()).as("the day after due date + 3 days of grace").isEqualTo(startOfDayInSofia(FIRST.plusDays(4)));
        int brokenBefore = ticketOf(instance).getBrokenPromises();

        ClockUtil.setCurrentTime(late.getDuedate());
        engine.getManagementService().executeJob(late.getId());

        assertThat(planStatus()).isEqualTo("BROKEN");
        assertThat(instalmentStatuses()).containsExactly("MISSED", "PENDING", "PENDING");
        assertThat(planProcess()).isNull();
        Ticket ticket = ticketOf(instance);
        assertThat(ticket.getStatus()).isEqualTo(TicketStatus.OPEN);
        assertThat(ticket.getBrokenPromises()).isEqualTo(brokenBefore + 1);
        assertThat(timeline("PLAN_BROKEN")).singleElement().satisfies(broken -> assertThat(broken.getDetails()).contains(
                "instalment 1 of 3 (100.00 EUR by 2026-03-09, 3 days of grace) not paid", "60.00 of 100.00", "the strategy resumes"));
        assertThat(ticketProcessWaitsFor(TicketProcess.MSG_PLAN_ENDED)).isFalse();
        assertThat(ticketProcessWaitsFor(TicketProcess.MSG_PLAN_AGREED)).as("back in the strategy").isTrue();
        assertThat(ticket.getNextStep()).doesNotStartWith("Payment plan");
        assertThat(engine.getRuntimeService().getActiveActivityIds(instance.getId())).as("the strategy's next step waits")
                .containsAnyOf(TicketProcess.WAIT_FOR_STEP, TicketProcess.WAIT_UNTIL_ALLOWED, TicketProcess.CALL_DEBTOR);
    }

    @Test
    void aPaymentThatSettlesTheTicketKeepsThePlanAndEndsItsProcess() {
        approvedPlan();

        ledger.pay(debtor, "300.00", TODAY.plusDays(1));
        runAsyncJobs(instance);

        assertThat(ticketOf(instance).getStatus()).isEqualTo(TicketStatus.CLOSED);
        assertThat(planStatus()).isEqualTo("KEPT");
        assertThat(planProcess()).isNull();
        assertThat(timelineTypes(ticketOf(instance))).contains("PLAN_KEPT");
    }

    @Test
    void instalmentsOrDatesThePageDoesNotOfferAreRefusedOnTheirFieldAndNothingIsStored() {
        String page = verifiedPage();

        for (String[] asked : new String[][] {{"1", FIRST.toString()}, {"25", FIRST.toString()}, {"three", FIRST.toString()},
                {"", FIRST.toString()}, {"3", TODAY.minusDays(1).toString()}, {"3", "09.03.2026"}}) {
            HttpResponse<String> refused = askForPlan(page, asked[0], asked[1]);
            assertThat(refused.statusCode()).as("%s instalments from %s", asked[0], asked[1]).isEqualTo(400);
            String field = asked[0].equals("3") ? "planFirstDate" : "planInstalments";
            assertThat(refused.body()).contains("id=\"" + field + "-error\"", "aria-invalid=\"true\"")
                    .containsAnyOf("Enter a whole number from 2 to 24.", "Please fill in this field.", "Enter a date from today on.");
        }
        HttpResponse<String> withoutCsrf = browser.post(page + "/plan", Map.of("planInstalments", "3", "planFirstDate", FIRST.toString()));
        assertThat(withoutCsrf.statusCode()).isEqualTo(403);
        assertThat(withoutCsrf.body()).contains("This form has expired");
        assertThat(plansOnTheTicket()).isZero();
        assertThat(planProcess()).isNull();
    }

    @Test
    void aSecondPlanOrAPlanWhileAPromiseIsPendingIsNotTakenAndNothingIsStored() {
        String page = approvedPlan();

        HttpResponse<String> again = askForPlan(page, "2", FIRST.toString());

        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(again.body()).contains("A payment plan cannot be set up online right now");
        assertThat(plansOnTheTicket()).isOne();
    }

    @Test
    void aPlanIsNotOfferedBeforeTheSecondFactor() {
        String page = linkFromTheSms();

        HttpResponse<String> unverified = askForPlan(page, "3", FIRST.toString());

        assertThat(unverified.statusCode()).isEqualTo(403);
        assertThat(unverified.body()).doesNotContain("Ask for the plan");
        assertThat(plansOnTheTicket()).isZero();
    }

    private static Instant startOfDayInSofia(LocalDate day) {
        return day.atStartOfDay(ZoneId.of("Europe/Sofia")).toInstant();
    }
}
