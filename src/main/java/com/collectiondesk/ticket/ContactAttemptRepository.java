package com.collectiondesk.ticket;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface ContactAttemptRepository extends JpaRepository<ContactAttempt, Long> {

    boolean existsBySendKey(String sendKey);

    List<ContactAttempt> findByTicketIdOrderByAtAscIdAsc(Long ticketId);

    List<ContactAttempt> findTop5ByTicketIdOrderByAtDescIdDesc(Long ticketId);

    long countByTicketIdAndChannel(Long ticketId, String channel);

    List<ContactAttempt> findByTicketIdAndChannelInAndAtAfterOrderByAtAsc(Long ticketId, Collection<String> channels, Instant after);

    List<ContactAttempt> findByProviderId(String providerId);

    Optional<ContactAttempt> findBySendKey(String sendKey);

    /** All contacts with the debtor after {@code after}, over all their tickets. */
    @Query("select a from ContactAttempt a where a.ticketId in (select t.id from Ticket t where t.customerPk = :customerId)"
            + " and a.at > :after order by a.at, a.id")
    List<ContactAttempt> findByDebtorSince(@Param("customerId") Long customerId, @Param("after") Instant after);

    @Query("select t.ticketNumber from Ticket t where t.customerPk = :customerId")
    List<String> ticketNumbersOf(@Param("customerId") Long customerId);

    Optional<ContactAttempt> findFirstByTicketIdAndChannelAndOutcomeAndAuthorAndAtAfterOrderByAtDesc(
            Long ticketId, String channel, String outcome, String author, Instant after);
}
