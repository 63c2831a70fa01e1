package com.collectiondesk.dispute;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface DisputeRepository extends JpaRepository<Dispute, Long> {

    Optional<Dispute> findFirstByTicketIdAndResolutionIsNullOrderByIdDesc(Long ticketId);

    List<Dispute> findByTicketIdOrderByIdAsc(Long ticketId);
}
