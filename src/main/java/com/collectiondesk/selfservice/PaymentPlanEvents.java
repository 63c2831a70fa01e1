package com.collectiondesk.selfservice;

import com.collectiondesk.ledger.PaymentBooked;
import com.collectiondesk.ticket.CloseReason;
import com.collectiondesk.ticket.TicketClosed;
import com.collectiondesk.ticket.TicketProcessGateway;
import com.collectiondesk.ticket.TicketService;
import com.collectiondesk.ticket.Timeline;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * What moves a running plan from outside its process, inside the transaction that caused it: a payment booked for
 * the debtor in the plan's currency wakes the plan (its check runs in a job of its own, after the booking and the
 * ticket's refresh are committed); a ticket that closes ends its plan — kept when it closed paid, else cancelled.
 */
@Component
class PaymentPlanEvents {

    static final String MSG_PAYMENT_BOOKED = "PlanPaymentBooked";

    private final PaymentPlans plans;
    private final TicketService tickets;
    private final RuntimeService runtime;
    private final Timeline timeline;
    private final TicketProcessGateway processes;

    PaymentPlanEvents(PaymentPlans plans, TicketService tickets, RuntimeService runtime, Timeline timeline,
                      TicketProcessGateway processes) {
        this.processes = processes;
        this.plans = plans;
        this.tickets = tickets;
        this.runtime = runtime;
        this.timeline = timeline;
    }

    @EventListener
    void on(PaymentBooked payment) {
        for (PaymentPlans.Plan plan : plans.activeOf(payment.customerPk(), payment.currency())) {
            String ticketNumber = tickets.get(plan.ticketId()).getTicketNumber();
            // whoever booked the payment (the ERP's user, say) need not have rights on the plan's process
            processes.asSystem(() -> {
                runtime.createMessageCorrelation(MSG_PAYMENT_BOOKED).processInstanceBusinessKey(ticketNumber).correlateAll();
                return null;
            });
        }
    }

    @EventListener
    void on(TicketClosed closed) {
        plans.open(closed.ticketId()).ifPresent(plan -> {
            boolean kept = plan.status() == PaymentPlans.Status.ACTIVE && closed.reason() == CloseReason.PAID;
            PaymentPlans.Status outcome = kept ? PaymentPlans.Status.KEPT : PaymentPlans.Status.CANCELLED;
            plans.decide(plan.id(), outcome, null, PaymentPlans.Status.REQUESTED, PaymentPlans.Status.ACTIVE);
            String ticketNumber = tickets.get(closed.ticketId()).getTicketNumber();
            processes.asSystem(() -> {
                runtime.createProcessInstanceQuery().processDefinitionKey(PaymentPlans.PROCESS).processInstanceBusinessKey(ticketNumber)
                        .list().forEach(instance -> runtime.deleteProcessInstance(instance.getId(), "the ticket closed as "
                                + closed.reason(), true, true));
                return null;
            });
            timeline.record(tickets.get(closed.ticketId()), kept ? "PLAN_KEPT" : "PLAN_CANCELLED", "Payment plan " + outcome
                    + ": the ticket closed as " + closed.reason(), closed.author());
        });
    }
}
