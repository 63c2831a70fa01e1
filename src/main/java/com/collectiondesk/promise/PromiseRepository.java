package com.collectiondesk.promise;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface PromiseRepository extends JpaRepository<Promise, Long> {

    Optional<Promise> findFirstByTicketIdAndStatusOrderByIdDesc(Long ticketId, Promise.Status status);

    List<Promise> findByTicketIdOrderByIdAsc(Long ticketId);
}
