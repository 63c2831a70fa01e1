package com.collectiondesk.strategy;

import com.collectiondesk.ticket.TicketDetailPart;
import java.util.List;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The ticket's plan, every round's steps in order, as its detail shows them. */
@Component
@Order(1)
@Transactional(readOnly = true)
class PlanDetailPart implements TicketDetailPart {

    private final TicketStepRepository repository;

    PlanDetailPart(TicketStepRepository repository) {
        this.repository = repository;
    }

    @Override
    public String name() {
        return "steps";
    }

    @Override
    public List<StepView> of(Long ticketId) {
        return repository.findByTicketIdOrderByPlanRoundAscStepIndexAsc(ticketId).stream().map(StepView::of).toList();
    }
}
