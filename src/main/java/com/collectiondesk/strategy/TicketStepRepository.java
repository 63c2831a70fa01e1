package com.collectiondesk.strategy;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface TicketStepRepository extends JpaRepository<TicketStep, Long> {

    /** JPQL, not derived: Hibernate caches the SQL of a query string, not of a derived query's criteria tree. */
    @Query("select s from TicketStep s where s.ticketId = :ticketId and s.planRound = :planRound and s.stepIndex = :stepIndex")
    Optional<TicketStep> findByTicketIdAndPlanRoundAndStepIndex(Long ticketId, int planRound, int stepIndex);

    List<TicketStep> findByTicketIdOrderByPlanRoundAscStepIndexAsc(Long ticketId);
}
