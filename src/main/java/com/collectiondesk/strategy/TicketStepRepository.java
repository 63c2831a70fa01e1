package com.collectiondesk.strategy;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface TicketStepRepository extends JpaRepository<TicketStep, Long> {

    Optional<TicketStep> findByTicketIdAndPlanRoundAndStepIndex(Long ticketId, int planRound, int stepIndex);

    List<TicketStep> findByTicketIdOrderByPlanRoundAscStepIndexAsc(Long ticketId);
}
