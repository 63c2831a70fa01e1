package com.collectiondesk.strategy;

import com.collectiondesk.ledger.LegalEntities;
import com.collectiondesk.system.BusinessClock;
import com.collectiondesk.ticket.DebtorRiskScores;
import com.collectiondesk.ticket.SendWindow;
import com.collectiondesk.ticket.Ticket;
import com.collectiondesk.ticket.TicketProcess;
import com.collectiondesk.ticket.TicketDetailPart;
import com.collectiondesk.ticket.TicketService;
import com.collectiondesk.ticket.Timeline;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Turns the segment and strategy decisions into the ticket's plan and walks it step by step. */
@Service
@Transactional
public class StrategyPlanner {

    private final TicketService tickets;
    private final TicketStepRepository steps;
    private final SendWindow sendWindow;
    private final BusinessClock clock;
    private final Timeline timeline;
    private final ObjectProvider<DebtorRiskScores> riskScores;
    private final LegalEntities entities;

    StrategyPlanner(TicketService tickets, TicketStepRepository steps, SendWindow sendWindow, BusinessClock clock,
                    Timeline timeline, ObjectProvider<DebtorRiskScores> riskScores, LegalEntities entities) {
        this.entities = entities;
        this.tickets = tickets;
        this.steps = steps;
        this.sendWindow = sendWindow;
        this.clock = clock;
        this.timeline = timeline;
        this.riskScores = riskScores;
    }

    void applySegment(Long ticketId, Map<String, Object> inputs, String segment, Integer priority, String decision) {
        Ticket ticket = tickets.get(ticketId);
        ticket.setSegment(segment);
        ticket.setPriority(priority);
        timeline.record(ticket, "SEGMENT_DECIDED", decision + " inputs " + inputs
                + " → segment " + segment + ", priority " + priority + riskScoreParts(ticket, inputs));
    }

    /** The why of the risk score the decision saw, when a scoring feature gave it (not a score set on the debtor). */
    private String riskScoreParts(Ticket ticket, Map<String, Object> inputs) {
        Object seen = inputs.get(TicketProcess.RISK_SCORE);
        return riskScores.orderedStream().flatMap(scores -> scores.of(ticket.getCustomerPk()).stream())
                .filter(scored -> seen instanceof Number number && number.intValue() == scored.score())
                .map(scored -> "; riskScore " + scored.score() + " = " + scored.why()).findFirst().orElse("");
    }

    /**
     * Stores the steps in day-offset order; the first plan counts from the opening date, a restarted plan
     * from today. Returns the plan round.
     */
    int plan(Long ticketId, List<PlannedStep> strategy, String decision) {
        Ticket ticket = tickets.get(ticketId);
        int round = ticket.startNewPlan();
        LocalDate base = round == 1 ? ticket.getOpenedOn() : clock.today();
        ZoneId zone = tickets.debtorOf(ticket).zone();
        List<PlannedStep> planned = strategy.stream().map(p -> new PlannedStep(p.step(), entityFee(ticket, p))).toList();
        for (int i = 0; i < planned.size(); i++) {
            StrategyStep step = planned.get(i).step();
            Instant due = sendWindow.startOn(base.plusDays(step.dayOffset()), zone);
            steps.save(new TicketStep(ticketId, round, i, step.dayOffset(), step.channel(), step.templateId(), due,
                    planned.get(i).fee()));
        }
        ticket.setStrategy(decision);
        timeline.record(ticket, "STRATEGY_PLANNED", decision + " for segment " + ticket.getSegment() + ", product "
                + ticket.getProductType() + " (plan " + round + "): " + planned.stream()
                .map(p -> p.step().channel() + " day " + p.step().dayOffset()
                        + (p.step().templateId() == null ? "" : " " + p.step().templateId())
                        + (p.fee() == null ? "" : " fee " + p.fee()))
                .collect(Collectors.joining(", ")));
        return round;
    }

    /** The step's fee as the ticket's legal entity charges it (its own fee rule, else the table's). */
    private StepFee entityFee(Ticket ticket, PlannedStep planned) {
        StepFee table = planned.fee();
        return entities.stepFee(ticket.getLegalEntity(), planned.step().templateId(), planned.step().channel().name(),
                        table == null ? null : new LegalEntities.Fee(table.amount(), table.currency()))
                .map(fee -> new StepFee(fee.amount(), fee.currency())).orElse(null);
    }

    /** The step at {@code stepIndex} of the current plan with its due time moved to the next send window if past. */
    Optional<DueStep> next(Long ticketId, int stepIndex) {
        Ticket ticket = tickets.get(ticketId);
        Optional<TicketStep> step = steps.findByTicketIdAndPlanRoundAndStepIndex(ticketId, ticket.getPlanRound(), stepIndex);
        if (step.isEmpty()) {
            ticket.setNextStep(null, null);
            return Optional.empty();
        }
        Instant due = sendWindow.notBeforeNextWindow(step.get().getDueAt(), tickets.debtorOf(ticket).zone());
        ticket.setNextStep(step.get().describe(), due);
        return Optional.of(new DueStep(step.get(), due));
    }

    public TicketStep current(Ticket ticket, int stepIndex) {
        return steps.findByTicketIdAndPlanRoundAndStepIndex(ticket.getId(), ticket.getPlanRound(), stepIndex)
                .orElseThrow(() -> new IllegalStateException("Ticket " + ticket.getTicketNumber() + " has no step "
                        + stepIndex + " in plan " + ticket.getPlanRound()));
    }

    void done(Long ticketId, int stepIndex) {
        Ticket ticket = tickets.get(ticketId);
        TicketStep step = current(ticket, stepIndex);
        step.markDone(clock.now());
        timeline.record(ticket, "STEP_DONE", "Step " + (stepIndex + 1) + ": " + step.describe());
    }

    record DueStep(TicketStep step, Instant dueAt) {
    }

    /** The ticket's planned steps, in plan order, as the ticket's detail shows them under "steps". */
    @Bean
    @Order(1)
    static TicketDetailPart stepsOfTheTicket(TicketStepRepository repository) {
        return new TicketDetailPart("steps",
                ticketId -> repository.findByTicketIdOrderByPlanRoundAscStepIndexAsc(ticketId).stream().map(StepView::of).toList());
    }
}
