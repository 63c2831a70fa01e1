package com.collectiondesk.selfservice;

import com.collectiondesk.system.BusinessClock;
import com.collectiondesk.ticket.Ticket;
import com.collectiondesk.ticket.TicketProcess;
import com.collectiondesk.ticket.TicketProcessGateway;
import com.collectiondesk.ticket.TicketService;
import com.collectiondesk.ticket.TicketStatus;
import com.collectiondesk.ticket.Timeline;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * The steps of bpmn/payment-plan.bpmn, chosen by the task's input {@code planStep}: AGREE (the ticket's strategy stops
 * and the ticket is PROMISED), SCHEDULE (the next instalment's check: the day after due date + grace, in the debtor's
 * zone), CHECK (the ticket's payments since the request against the instalments' cumulative amounts), BREAK (a missed
 * instalment: a broken promise, the strategy resumes), COMPLETE (every instalment paid) and REFUSE (the owner said no).
 */
@Component
class PaymentPlanDelegate implements JavaDelegate {

    static final String STEP = "planStep";
    static final String PLAN_AGREED = "planAgreed";
    static final String CHECK_AT = "instalmentCheckAt";
    static final String INSTALMENT_PAID = "instalmentPaid";
    static final String INSTALMENTS_LEFT = "instalmentsLeft";
    static final String DECIDED_BY = "planDecidedBy";

    private final PaymentPlans plans;
    private final TicketService tickets;
    private final TicketProcessGateway ticketProcesses;
    private final Timeline timeline;
    private final BusinessClock clock;
    private final PaymentPlanSettings settings;

    PaymentPlanDelegate(PaymentPlans plans, TicketService tickets, TicketProcessGateway ticketProcesses, Timeline timeline, BusinessClock clock, PaymentPlanSettings settings) {
        this.plans = plans;
        this.tickets = tickets;
        this.ticketProcesses = ticketProcesses;
        this.timeline = timeline;
        this.clock = clock;
        this.settings = settings;
    }

    @Override
    public void execute(DelegateExecution execution) {
        PaymentPlans.Plan plan = plans.plan(((Number) execution.getVariable(PaymentPlans.PLAN_ID)).longValue());
        Ticket ticket = tickets.get(plan.ticketId());
        switch (String.valueOf(execution.getVariable(STEP))) {
            case "AGREE" -> execution.setVariable(PLAN_AGREED, agree(plan, ticket, (String) execution.getVariable(DECIDED_BY)));
            case "SCHEDULE" -> execution.setVariable(CHECK_AT, Date.from(schedule(plan, ticket)));
            case "CHECK" -> {
                execution.setVariable(INSTALMENT_PAID, check(plan, ticket));
                execution.setVariable(INSTALMENTS_LEFT, next(plan).isPresent());
            }
            case "BREAK" -> breakPlan(plan, ticket);
            case "COMPLETE" -> complete(plan, ticket);
            case "REFUSE" -> refuse(plan, ticket, (String) execution.getVariable(DECIDED_BY));
            default -> throw new IllegalStateException("payment-plan: unknown planStep " + execution.getVariable(STEP));
        }
    }

    private boolean agree(PaymentPlans.Plan plan, Ticket ticket, String by) {
        String approvedBy = by == null ? "inside the self-service policy" : "by " + by;
        if (!ticketProcesses.deliver(ticket.getTicketNumber(), TicketProcess.MSG_PLAN_AGREED)) {
            plans.decide(plan.id(), PaymentPlans.Status.CANCELLED, by, PaymentPlans.Status.REQUESTED);
            timeline.record(ticket, "PLAN_CANCELLED", "Payment plan approved " + approvedBy + " but not started: the ticket is "
                    + ticket.getStatus() + " and its strategy no longer runs");
            return false;
        }
        plans.decide(plan.id(), PaymentPlans.Status.ACTIVE, by, PaymentPlans.Status.REQUESTED);
        ticket.setStatus(TicketStatus.PROMISED);
        timeline.record(ticket, "PLAN_APPROVED", "Payment plan approved " + approvedBy + ": " + PaymentPlans.describe(
                plans.instalments(plan.id()), plan.currency()) + "; the strategy waits while the plan runs", by);
        return true;
    }

    private Instant schedule(PaymentPlans.Plan plan, Ticket ticket) {
        PaymentPlans.Instalment instalment = next(plan).orElseThrow(() -> new IllegalStateException("Plan " + plan.id() + " has no instalment left"));
        Instant checkAt = instalment.dueDate().plusDays(settings.graceDays() + 1L).atStartOfDay(tickets.debtorOf(ticket).zone()).toInstant();
        ticket.setNextStep("Payment plan: instalment " + instalment.number() + " of " + plan.count() + " (" + instalment.amount() + " "
                + plan.currency() + " by " + instalment.dueDate() + ")", checkAt);
        return checkAt;
    }

    /** Marks every instalment the payments now cover as paid; answers whether the one that was due is. */
    private boolean check(PaymentPlans.Plan plan, Ticket ticket) {
        BigDecimal paid = paidSinceRequest(plan);
        List<PaymentPlans.Instalment> covered = plans.instalments(plan.id()).stream()
                .filter(i -> i.status().equals("PENDING") && paid.compareTo(i.cumulative()) >= 0).toList();
        for (PaymentPlans.Instalment instalment : covered) {
            plans.settleInstalment(plan.id(), instalment.number(), "PAID");
            timeline.record(ticket, "PLAN_INSTALMENT_PAID", "Payment plan instalment " + instalment.number() + " of " + plan.count()
                    + " paid (" + instalment.amount() + " " + plan.currency() + " by " + instalment.dueDate() + "; paid towards the plan since "
                    + plan.requestedOn() + ": " + paid + ")");
        }
        return !covered.isEmpty();
    }

    private void breakPlan(PaymentPlans.Plan plan, Ticket ticket) {
        PaymentPlans.Instalment missed = next(plan).orElseThrow();
        if (!plans.decide(plan.id(), PaymentPlans.Status.BROKEN, null, PaymentPlans.Status.ACTIVE)) {
            return;
        }
        plans.settleInstalment(plan.id(), missed.number(), "MISSED");
        ticket.countBrokenPromise();
        ticket.setStatus(TicketStatus.OPEN);
        tickets.refresh(ticket);
        timeline.record(ticket, "PLAN_BROKEN", "Payment plan broken: instalment " + missed.number() + " of " + plan.count() + " ("
                + missed.amount() + " " + plan.currency() + " by " + missed.dueDate() + ", " + settings.graceDays() + " days of grace)"
                + " not paid; paid towards the plan since " + plan.requestedOn() + ": " + paidSinceRequest(plan) + " of " + missed.cumulative()
                + "; broken promises so far: " + ticket.getBrokenPromises() + "; the strategy resumes");
        ticketProcesses.deliver(ticket.getTicketNumber(), TicketProcess.MSG_PLAN_ENDED);
    }

    private void complete(PaymentPlans.Plan plan, Ticket ticket) {
        if (!plans.decide(plan.id(), PaymentPlans.Status.KEPT, null, PaymentPlans.Status.ACTIVE)) {
            return;
        }
        ticket.setStatus(TicketStatus.OPEN);
        tickets.refresh(ticket);
        timeline.record(ticket, "PLAN_KEPT", "Payment plan kept: all " + plan.count() + " instalments paid; overdue now "
                + ticket.getOverdueAmount() + " " + plan.currency());
        ticketProcesses.deliver(ticket.getTicketNumber(), TicketProcess.MSG_PLAN_ENDED);
    }

    private void refuse(PaymentPlans.Plan plan, Ticket ticket, String by) {
        plans.decide(plan.id(), PaymentPlans.Status.REFUSED, by, PaymentPlans.Status.REQUESTED);
        timeline.record(ticket, "PLAN_REFUSED", "Payment plan refused" + (by == null ? "" : " by " + by) + ": " + plan.summary()
                + "; the strategy goes on", by);
    }

    private java.util.Optional<PaymentPlans.Instalment> next(PaymentPlans.Plan plan) {
        return plans.instalments(plan.id()).stream().filter(i -> i.status().equals("PENDING")).findFirst();
    }

    private BigDecimal paidSinceRequest(PaymentPlans.Plan plan) {
        return plans.paidTowards(plan);
    }
}
