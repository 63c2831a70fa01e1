package com.collectiondesk.contact;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface ContactAttemptRepository extends JpaRepository<ContactAttempt, Long> {

    boolean existsBySendKey(String sendKey);

    List<ContactAttempt> findByTicketIdOrderByAtAscIdAsc(Long ticketId);

    List<ContactAttempt> findTop5ByTicketIdOrderByAtDescIdDesc(Long ticketId);

    long countByTicketIdAndChannel(Long ticketId, String channel);

    List<ContactAttempt> findByTicketIdAndChannelInAndAtAfterOrderByAtAsc(Long ticketId, Collection<String> channels, Instant after);

    List<ContactAttempt> findByProviderId(String providerId);

    Optional<ContactAttempt> findBySendKey(String sendKey);

    /** All contacts on these tickets (one debtor's) after {@code after}. */
    List<ContactAttempt> findByTicketIdInAndAtAfterOrderByAtAscIdAsc(Collection<Long> ticketIds, Instant after);

    Optional<ContactAttempt> findFirstByTicketIdAndChannelAndOutcomeAndAuthorAndAtAfterOrderByAtDesc(
            Long ticketId, String channel, String outcome, String author, Instant after);
}
