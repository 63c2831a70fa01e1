package com.collectiondesk.contact;

import com.collectiondesk.outreach.Channel;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface ContactAttemptRepository extends JpaRepository<ContactAttempt, Long> {

    // JPQL, not derived, for the lookups every send and call makes: Hibernate caches the SQL of a query string,
    // not of a derived query's criteria tree
    @Query("select count(a) > 0 from ContactAttempt a where a.sendKey = :sendKey")
    boolean existsBySendKey(String sendKey);

    List<ContactAttempt> findByTicketIdOrderByAtAscIdAsc(Long ticketId);

    List<ContactAttempt> findTop5ByTicketIdOrderByAtDescIdDesc(Long ticketId);

    long countByTicketIdAndChannel(Long ticketId, Channel channel);

    List<ContactAttempt> findByTicketIdAndChannelInAndAtAfterOrderByAtAsc(Long ticketId, Collection<Channel> channels, Instant after);

    @Query("select a from ContactAttempt a where a.sendKey = :sendKey")
    Optional<ContactAttempt> findBySendKey(String sendKey);

    /**
     * All contacts on these tickets (one debtor's) after {@code after}: only the columns the contact rules
     * count, from this table alone (none of the send's delivery facts).
     */
    @Query("select a.sendKey as sendKey, a.channel as channel, a.direction as direction, a.outcome as outcome, a.at as at"
            + " from ContactAttempt a where a.ticketId in :ticketIds and a.at > :after order by a.at, a.id")
    List<CountedContact> findByTicketsSince(@Param("ticketIds") Collection<Long> ticketIds, @Param("after") Instant after);

    /** A contact as the budget counts it. */
    interface CountedContact {
        String getSendKey();
        Channel getChannel();
        String getDirection();
        String getOutcome();
        Instant getAt();

        default boolean isInbound() {
            return "INBOUND".equals(getDirection());
        }
    }

    Optional<ContactAttempt> findFirstByTicketIdAndChannelAndOutcomeAndAuthorAndAtAfterOrderByAtDesc(
            Long ticketId, Channel channel, String outcome, String author, Instant after);
}
